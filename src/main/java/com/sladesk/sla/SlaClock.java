package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One metric's clock of one request: its target in business time, its instants and its state. */
@Entity
public class SlaClock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private SlaMetric metric;
    private String target;
    private String calendarId;
    private int warningPercent;
    private Instant startedAt;
    private Instant warnAt;
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    private ClockState state;
    private Instant stoppedAt;
    private Long elapsedSeconds;
    private long pausedSeconds;
    private boolean everBreached;
    @Version
    private long version;

    protected SlaClock() {
    }

    /** Starts a clock at {@code startedAt}; it is due after {@code target} and warns after warningPercent of it. */
    public static SlaClock start(long requestId, SlaMetric metric, Duration target, int warningPercent,
            BusinessCalendar calendar, Instant startedAt) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException(metric + " target must be positive, was " + target);
        }
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("warningPercent must be between 1 and 100, was " + warningPercent);
        }
        SlaClock clock = new SlaClock();
        clock.requestId = requestId;
        clock.metric = metric;
        clock.target = target.toString();
        clock.calendarId = calendar.id();
        clock.warningPercent = warningPercent;
        clock.startedAt = startedAt;
        clock.warnAt = calendar.plus(startedAt, target.multipliedBy(warningPercent).dividedBy(100));
        clock.dueAt = calendar.plus(startedAt, target);
        clock.state = ClockState.RUNNING;
        return clock;
    }

    /** Marks the clock breached; true only the first time, so a breach is never recorded twice. */
    public boolean breach() {
        if (isStopped() || everBreached) {
            return false;
        }
        everBreached = true;
        state = ClockState.BREACHED;
        return true;
    }

    /**
     * Stops the clock at {@code at}: MET if within target and never breached, BREACHED otherwise.
     * Returns true when stopping revealed a breach no timer had recorded yet.
     */
    public boolean stop(Instant at, BusinessCalendar calendar) {
        if (isStopped()) {
            return false;
        }
        Duration elapsed = calendar.between(startedAt, at).minusSeconds(pausedSeconds);
        boolean late = at.isAfter(dueAt);
        boolean newlyBreached = late && !everBreached;
        everBreached = everBreached || late;
        stoppedAt = at;
        elapsedSeconds = Math.max(0, elapsed.toSeconds());
        state = everBreached ? ClockState.BREACHED : ClockState.MET;
        return newlyBreached;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    /** Business time used so far (up to {@code now} while running). */
    public Duration elapsed(Instant now, BusinessCalendar calendar) {
        if (isStopped()) {
            return Duration.ofSeconds(elapsedSeconds);
        }
        Duration elapsed = calendar.between(startedAt, now).minusSeconds(pausedSeconds);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    public Duration targetDuration() {
        return Duration.parse(target);
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public SlaMetric getMetric() {
        return metric;
    }

    public String getTarget() {
        return target;
    }

    public String getCalendarId() {
        return calendarId;
    }

    public int getWarningPercent() {
        return warningPercent;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getWarnAt() {
        return warnAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public ClockState getState() {
        return state;
    }

    public Instant getStoppedAt() {
        return stoppedAt;
    }

    public long getPausedSeconds() {
        return pausedSeconds;
    }

    public boolean isEverBreached() {
        return everBreached;
    }
}
