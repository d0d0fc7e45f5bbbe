package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import com.sladesk.request.RequestStatus;

/** A stretch of time a request spent in one status, with its business and wall-clock length once ended. */
@Entity
public class StatusInterval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    private Instant startedAt;
    private Instant endedAt;
    private Long businessSeconds;
    private Long wallSeconds;
    private String team;
    private String assignee;

    protected StatusInterval() {
    }

    public StatusInterval(long requestId, RequestStatus status, Instant startedAt, String team, String assignee) {
        this.requestId = requestId;
        this.status = status;
        this.startedAt = startedAt;
        this.team = team;
        this.assignee = assignee;
    }

    public void end(Instant at, BusinessCalendar calendar) {
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        endedAt = end;
        businessSeconds = calendar.between(startedAt, end).toSeconds();
        wallSeconds = Duration.between(startedAt, end).toSeconds();
    }

    public long getRequestId() {
        return requestId;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Long getBusinessSeconds() {
        return businessSeconds;
    }

    public Long getWallSeconds() {
        return wallSeconds;
    }

    public String getTeam() {
        return team;
    }

    public String getAssignee() {
        return assignee;
    }
}
