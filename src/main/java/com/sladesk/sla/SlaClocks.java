package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.request.RequestSla;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/** Starts, pauses, warns, breaches, escalates and stops the SLA clocks of requests, recording each event once. */
@Service
@Transactional
public class SlaClocks implements RequestSla {

    private final SlaClockRepository clocks;
    private final SlaEventRepository events;
    private final StatusIntervalRepository intervals;
    private final ServiceRequestRepository requests;
    private final BusinessCalendars calendars;
    private final ApplicationEventPublisher published;

    public SlaClocks(SlaClockRepository clocks, SlaEventRepository events, StatusIntervalRepository intervals,
            ServiceRequestRepository requests, BusinessCalendars calendars, ApplicationEventPublisher published) {
        this.clocks = clocks;
        this.events = events;
        this.intervals = intervals;
        this.requests = requests;
        this.calendars = calendars;
        this.published = published;
    }

    public SlaClock start(long requestId, SlaMetric metric, Duration target, int warningPercent, String calendarId,
            Instant startedAt) {
        SlaClock clock = clocks.save(SlaClock.start(requestId, metric, target, warningPercent,
                calendars.get(calendarId), startedAt));
        changed(requestId);
        return clock;
    }

    public SlaClock clock(long requestId, SlaMetric metric) {
        return clocks.clockOf(requestId, metric).orElseThrow(
                () -> new IllegalStateException("Request " + requestId + " has no " + metric + " clock"));
    }

    public List<SlaClock> clocksOfRequest(long requestId) {
        return clocks.findByRequestIdOrderByIdAsc(requestId);
    }

    public boolean hasClock(long requestId, SlaMetric metric) {
        return clocks.clockOf(requestId, metric).isPresent();
    }

    public BusinessCalendar calendarOf(SlaClock clock) {
        return calendars.get(clock.getCalendarId());
    }

    public BusinessCalendar calendar(String id) {
        return calendars.get(id == null ? TwentyFourSevenCalendar.ID : id);
    }

    /** Records the warning; false when the clock is not counting, has breached already or was warned. */
    public boolean warn(long requestId, SlaMetric metric, Instant now) {
        SlaClock clock = clock(requestId, metric);
        return !clock.isStopped() && !clock.isPaused() && !clock.isEverBreached()
                && record(requestId, metric, SlaEvent.Type.WARNING, 0, null, now);
    }

    /** Records the breach; false when the clock stopped or had already breached. */
    public boolean breach(long requestId, SlaMetric metric, Instant now) {
        return breach(requestId, metric, now, null);
    }

    /** Records the breach and why it happened ({@code reason}, null: the target passed). */
    public boolean breach(long requestId, SlaMetric metric, Instant now, String reason) {
        if (!clock(requestId, metric).breach()) {
            return false;
        }
        changed(requestId);
        return recordBreach(requestId, metric, now, reason);
    }

    /** Whether the request has a clock of the metric that has not stopped. */
    public boolean isCounting(long requestId, SlaMetric metric) {
        return clocks.clockOf(requestId, metric).filter(clock -> !clock.isStopped()).isPresent();
    }

    /** Escalation goes no further: the level reached stays, no next level is due. */
    public void escalationEnded(long requestId, SlaMetric metric) {
        SlaClock clock = clock(requestId, metric);
        clock.escalated(clock.getEscalationLevel(), null);
        changed(requestId);
    }

    /** Records an escalation to {@code group} at {@code level}; false when it was recorded before. */
    public boolean escalate(long requestId, SlaMetric metric, int level, String group, Instant nextLevelAt,
            Instant now) {
        clock(requestId, metric).escalated(level, nextLevelAt);
        changed(requestId);
        return record(requestId, metric, SlaEvent.Type.ESCALATED, level, group, now);
    }

    public SlaClock pause(long requestId, SlaMetric metric, Instant now) {
        SlaClock clock = clock(requestId, metric);
        if (clock.pause(now)) {
            changed(requestId);
            record(requestId, metric, SlaEvent.Type.PAUSED, 0, null, now);
        }
        return clock;
    }

    public SlaClock resume(long requestId, SlaMetric metric, Instant now) {
        SlaClock clock = clock(requestId, metric);
        if (clock.resume(now, calendarOf(clock))) {
            changed(requestId);
            record(requestId, metric, SlaEvent.Type.RESUMED, 0, null, now);
        }
        return clock;
    }

    /** Runs the clock of a reopened request again; the resolved period does not count. */
    public SlaClock restart(long requestId, SlaMetric metric, Instant now) {
        SlaClock clock = clock(requestId, metric);
        if (clock.restart(now, calendarOf(clock))) {
            changed(requestId);
        }
        return clock;
    }

    /** Applies a new target, keeping the elapsed time; a breach the new target causes is recorded now. */
    public SlaClock retarget(long requestId, SlaMetric metric, Duration target, int warningPercent, Instant now) {
        SlaClock clock = clock(requestId, metric);
        changed(requestId);
        if (clock.retarget(target, warningPercent, now, calendarOf(clock))) {
            recordBreach(requestId, metric, now, null);
        }
        return clock;
    }

    /** Stops the clock as MET or BREACHED; a breach no timer had recorded yet is recorded now. */
    public SlaClock stop(long requestId, SlaMetric metric, Instant now) {
        return stop(requestId, metric, now, null);
    }

    /**
     * Stops the clock, recording what stopped it ({@code how}, e.g. "customer confirmed") with MET, or with a
     * STOPPED event when it had breached.
     */
    public SlaClock stop(long requestId, SlaMetric metric, Instant now, String how) {
        SlaClock clock = clock(requestId, metric);
        if (clock.isStopped()) {
            return clock;
        }
        if (clock.stop(now, calendarOf(clock))) {
            recordBreach(requestId, metric, now, null);
        }
        changed(requestId);
        if (clock.getState() == ClockState.MET) {
            record(requestId, metric, SlaEvent.Type.MET, 0, null, now, how);
        } else if (how != null) {
            // late: what stopped it still belongs in the history
            record(requestId, metric, SlaEvent.Type.STOPPED, 0, null, now, how);
        }
        published.publishEvent(new SlaClockStopped(requestId, metric, teamOf(requestId),
                Duration.ofSeconds(clock.getElapsedSeconds()), clock.isEverBreached()));
        return clock;
    }

    public void stopAll(long requestId, Instant now) {
        clocks.findByRequestIdOrderByIdAsc(requestId).forEach(clock -> stop(requestId, clock.getMetric(), now));
    }

    /** Stops every clock of the request but those in {@code running}, which keep counting. */
    public void stopAllBut(long requestId, Set<SlaMetric> running, Instant now) {
        clocks.findByRequestIdOrderByIdAsc(requestId).stream().filter(clock -> !running.contains(clock.getMetric()))
                .forEach(clock -> stop(requestId, clock.getMetric(), now));
    }

    /** Records that the clock's breach risk crossed the alert threshold; false when it was recorded before. */
    public boolean recordRisk(long requestId, SlaMetric metric, Instant now) {
        return record(requestId, metric, SlaEvent.Type.RISK, 0, null, now);
    }

    private boolean recordBreach(long requestId, SlaMetric metric, Instant now, String reason) {
        requests.findById(requestId).orElseThrow().markBreached();
        return record(requestId, metric, SlaEvent.Type.BREACHED, 0, null, now, reason);
    }

    private boolean record(long requestId, SlaMetric metric, SlaEvent.Type type, int level, String group,
            Instant now) {
        return record(requestId, metric, type, level, group, now, null);
    }

    /** PAUSED and RESUMED happen once per pause; the others once per clock and level. */
    private boolean record(long requestId, SlaMetric metric, SlaEvent.Type type, int level, String group,
            Instant now, String reason) {
        int sequence = type.repeats() ? (int) events.countByRequestIdAndMetricAndType(requestId, metric, type) + 1
                : level;
        // timer jobs of one process instance run one at a time; uk_event_once backs this check up
        if (events.existsByRequestIdAndMetricAndTypeAndLevel(requestId, metric, type, sequence)) {
            return false;
        }
        events.save(new SlaEvent(requestId, metric, type, sequence, group, now, reason));
        published.publishEvent(new SlaEventRecorded(requestId, metric, type, sequence, teamOf(requestId)));
        return true;
    }

    /** Reports keep a row per request; it is brought up to date before the transaction commits. */
    private void changed(long requestId) {
        published.publishEvent(new SlaClockChanged(requestId));
    }

    private String teamOf(long requestId) {
        return requests.findById(requestId).map(ServiceRequest::getTeam).orElse(null);
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<ClockView> clocksOf(long requestId, Instant now) {
        return clocks.findByRequestIdOrderByIdAsc(requestId).stream().map(clock -> {
            BusinessCalendar calendar = calendarOf(clock);
            Duration elapsed = clock.elapsed(now, calendar);
            Duration remaining = clock.getTarget().minus(elapsed);
            return new ClockView(clock.getMetric().name(), clock.getTarget().toString(), clock.getCalendarId(),
                    clock.getWarningPercent(), clock.getStartedAt(), clock.getWarnAt(), clock.getDueAt(),
                    clock.getState().name(), clock.getStoppedAt(), elapsed.toString(),
                    clock.paused(now, calendar).toString(),
                    (remaining.isNegative() ? Duration.ZERO : remaining).toString(), clock.isEverBreached(),
                    clock.getEscalationLevel());
        }).toList();
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<EventView> eventsOf(long requestId) {
        return events.findByRequestIdOrderByOccurredAtAscIdAsc(requestId).stream()
                .map(event -> new EventView(event.getType().name(), event.getMetric().name(),
                        event.getType() == SlaEvent.Type.ESCALATED ? event.getLevel() : null, event.getGroupId(),
                        event.getOccurredAt(), event.getReason()))
                .toList();
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<RequestStatus, StateTotal> timeInState(long requestId, String calendarId, Instant now) {
        BusinessCalendar calendar = calendar(calendarId);
        Map<RequestStatus, Duration[]> sums = new EnumMap<>(RequestStatus.class);
        for (StatusInterval interval : intervals.findByRequestIdOrderByStartedAtAscIdAsc(requestId)) {
            boolean open = interval.getEndedAt() == null;
            if (open && (interval.getStatus() == RequestStatus.CLOSED
                    || interval.getStatus() == RequestStatus.CLOSED_NO_REPLY)) {
                continue;
            }
            Duration business = open ? calendar.between(interval.getStartedAt(), now)
                    : Duration.ofSeconds(interval.getBusinessSeconds());
            Duration wall = open ? Duration.between(interval.getStartedAt(), now)
                    : Duration.ofSeconds(interval.getWallSeconds());
            Duration[] sum = sums.computeIfAbsent(interval.getStatus(), status -> new Duration[] {Duration.ZERO,
                    Duration.ZERO});
            sum[0] = sum[0].plus(business);
            sum[1] = sum[1].plus(wall);
        }
        Map<RequestStatus, StateTotal> totals = new EnumMap<>(RequestStatus.class);
        sums.forEach((status, sum) -> totals.put(status, StateTotal.of(sum[0], sum[1])));
        return totals;
    }
}
