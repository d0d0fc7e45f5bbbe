package com.sladesk.sla;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Something that happened to a clock: warned, breached, escalated to a level, met. */
@Entity
public class SlaEvent {

    public enum Type {
        WARNING, BREACHED, ESCALATED, MET, PAUSED, RESUMED,
        /** The clock's breach risk crossed the alert threshold (BreachRisks), before or after its warning. */
        RISK,
        /**
         * A breached clock stopped, and the desk knows what stopped it (an acknowledgement sent late, a loop closed
         * late).
         */
        STOPPED;

        /** Pauses repeat; their level column numbers them. */
        boolean repeats() {
            return this == PAUSED || this == RESUMED;
        }
    }

    static final int MAX_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private SlaMetric metric;
    @Enumerated(EnumType.STRING)
    private Type type;
    private int level;
    private String groupId;
    private Instant occurredAt;
    /** Why it happened, where the desk knows more than the clock (an acknowledgement not delivered). */
    private String reason;

    protected SlaEvent() {
    }

    public SlaEvent(long requestId, SlaMetric metric, Type type, int level, String groupId, Instant occurredAt) {
        this.requestId = requestId;
        this.metric = metric;
        this.type = type;
        this.level = level;
        this.groupId = groupId;
        this.occurredAt = occurredAt;
    }

    public SlaEvent(long requestId, SlaMetric metric, Type type, int level, String groupId, Instant occurredAt,
            String reason) {
        this(requestId, metric, type, level, groupId, occurredAt);
        this.reason = reason == null || reason.length() <= MAX_REASON ? reason
                : reason.substring(0, MAX_REASON - 1) + "…";
    }

    public long getRequestId() {
        return requestId;
    }

    public SlaMetric getMetric() {
        return metric;
    }

    public Type getType() {
        return type;
    }

    public int getLevel() {
        return level;
    }

    public String getGroupId() {
        return groupId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getReason() {
        return reason;
    }
}
