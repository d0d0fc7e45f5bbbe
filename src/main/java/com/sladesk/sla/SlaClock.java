package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.NaturalId;

/**
 * One metric's clock of one request: its target in business time, its instants and its state. Pauses and
 * the time a request spent resolved do not count; the due instant is always the instant at which the
 * business time since the start, less the paused business time, reaches the target.
 */
@Entity
public class SlaClock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @NaturalId
    private long requestId;
    @NaturalId
    @Enumerated(EnumType.STRING)
    private SlaMetric metric;
    @Convert(converter = IsoDuration.class)
    private Duration target;
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
    private Instant pausedAt;
    private boolean everBreached;
    private int escalationLevel;
    private Instant nextEscalationAt;
    @Version
    private long version;

    protected SlaClock() {
    }

    /** Starts a clock at {@code startedAt}; it is due after {@code target} and warns after warningPercent of it. */
    public static SlaClock start(long requestId, SlaMetric metric, Duration target, int warningPercent,
            BusinessCalendar calendar, Instant startedAt) {
        requirePositive(metric, target, warningPercent);
        SlaClock clock = new SlaClock();
        clock.requestId = requestId;
        clock.metric = metric;
        clock.target = target;
        clock.calendarId = calendar.id();
        clock.warningPercent = warningPercent;
        clock.startedAt = startedAt;
        clock.state = ClockState.RUNNING;
        clock.computeInstants(calendar);
        return clock;
    }

    /** Stops counting until {@link #resume}; false when stopped or already paused. */
    public boolean pause(Instant at) {
        if (isStopped() || isPaused()) {
            return false;
        }
        pausedAt = at;
        state = ClockState.PAUSED;
        return true;
    }

    /** Counts again: due, warning and next escalation instants move out by the business time paused. */
    public boolean resume(Instant at, BusinessCalendar calendar) {
        if (!isPaused()) {
            return false;
        }
        Duration paused = calendar.between(pausedAt, at);
        pausedSeconds += paused.toSeconds();
        pausedAt = null;
        state = everBreached ? ClockState.BREACHED : ClockState.RUNNING;
        if (nextEscalationAt != null) {
            nextEscalationAt = calendar.plus(nextEscalationAt, paused);
        }
        computeInstants(calendar);
        return true;
    }

    /** Runs a stopped clock again (a reopened request); the time it stood stopped does not count. */
    public boolean restart(Instant at, BusinessCalendar calendar) {
        if (!isStopped()) {
            return false;
        }
        Duration stopped = calendar.between(stoppedAt, at);
        pausedSeconds += stopped.toSeconds();
        if (nextEscalationAt != null) {
            nextEscalationAt = calendar.plus(nextEscalationAt, stopped);
        }
        stoppedAt = null;
        elapsedSeconds = null;
        state = everBreached ? ClockState.BREACHED : ClockState.RUNNING;
        computeInstants(calendar);
        return true;
    }

    /**
     * Applies a new target to a clock that has not stopped, keeping the business time elapsed. Returns true
     * when the new target puts the clock in breach now (never for a clock that had breached already).
     */
    public boolean retarget(Duration newTarget, int newWarningPercent, Instant now, BusinessCalendar calendar) {
        if (isStopped()) {
            return false;
        }
        requirePositive(metric, newTarget, newWarningPercent);
        target = newTarget;
        warningPercent = newWarningPercent;
        computeInstants(calendar);
        return elapsed(now, calendar).compareTo(newTarget) >= 0 && breach();
    }

    /**
     * What escalation does at {@code now}: nothing while the clock is stopped or paused, wait while the next
     * level is not due yet, else go up one level.
     */
    public Escalation nextEscalation(Instant now) {
        if (isStopped() || isPaused()) {
            return new Escalation(Escalation.Step.NONE, escalationLevel, null);
        }
        if (nextEscalationAt != null && now.isBefore(nextEscalationAt)) {
            return new Escalation(Escalation.Step.WAIT, escalationLevel, nextEscalationAt);
        }
        return new Escalation(Escalation.Step.ESCALATE, escalationLevel + 1, null);
    }

    /**
     * The escalation rule's answer: {@code NONE} (the clock does not count), {@code WAIT} until {@code until}
     * (the next level is not due), or {@code ESCALATE} to {@code level}.
     */
    public record Escalation(Step step, int level, Instant until) {

        public enum Step {
            NONE, WAIT, ESCALATE
        }
    }

    /** Records that escalation reached {@code level}; the next level is due at {@code nextAt} (null: none). */
    public void escalated(int level, Instant nextAt) {
        escalationLevel = level;
        nextEscalationAt = nextAt;
    }

    private void computeInstants(BusinessCalendar calendar) {
        Duration paused = Duration.ofSeconds(pausedSeconds);
        warnAt = calendar.plus(startedAt, target.multipliedBy(warningPercent).dividedBy(100).plus(paused));
        dueAt = calendar.plus(startedAt, target.plus(paused));
    }

    private static void requirePositive(SlaMetric metric, Duration target, int warningPercent) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException(metric + " target must be positive, was " + target);
        }
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("warningPercent must be between 1 and 100, was " + warningPercent);
        }
    }

    /** Marks the clock breached; true only the first time, so a breach is never recorded twice. */
    public boolean breach() {
        if (isStopped() || everBreached) {
            return false;
        }
        everBreached = true;
        if (!isPaused()) {
            state = ClockState.BREACHED;
        }
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
        if (isPaused()) {
            pausedSeconds += calendar.between(pausedAt, at).toSeconds();
            pausedAt = null;
            computeInstants(calendar);
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

    public boolean isPaused() {
        return pausedAt != null;
    }

    /** Business time used so far (up to {@code now} while running). */
    public Duration elapsed(Instant now, BusinessCalendar calendar) {
        if (isStopped()) {
            return Duration.ofSeconds(elapsedSeconds);
        }
        Duration elapsed = calendar.between(startedAt, isPaused() ? pausedAt : now).minusSeconds(pausedSeconds);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** Business time paused so far, including a pause still going on at {@code now}. */
    public Duration paused(Instant now, BusinessCalendar calendar) {
        Duration paused = Duration.ofSeconds(pausedSeconds);
        return isPaused() ? paused.plus(calendar.between(pausedAt, now)) : paused;
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

    public Duration getTarget() {
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

    /** Business seconds from start to stop; null while the clock runs. */
    public Long getElapsedSeconds() {
        return elapsedSeconds;
    }

    public long getPausedSeconds() {
        return pausedSeconds;
    }

    public boolean isEverBreached() {
        return everBreached;
    }

    public Instant getPausedAt() {
        return pausedAt;
    }

    public int getEscalationLevel() {
        return escalationLevel;
    }

    public Instant getNextEscalationAt() {
        return nextEscalationAt;
    }
}
