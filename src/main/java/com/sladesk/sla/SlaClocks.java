package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.request.RequestSla;
import com.sladesk.request.ServiceRequestRepository;

/** Starts, warns, breaches, escalates and stops the SLA clocks of requests, recording each event once. */
@Service
@Transactional
public class SlaClocks implements RequestSla {

    private final SlaClockRepository clocks;
    private final SlaEventRepository events;
    private final ServiceRequestRepository requests;
    private final BusinessCalendars calendars;

    public SlaClocks(SlaClockRepository clocks, SlaEventRepository events, ServiceRequestRepository requests,
            BusinessCalendars calendars) {
        this.clocks = clocks;
        this.events = events;
        this.requests = requests;
        this.calendars = calendars;
    }

    public SlaClock start(long requestId, SlaMetric metric, Duration target, int warningPercent, String calendarId,
            Instant startedAt) {
        return clocks.save(SlaClock.start(requestId, metric, target, warningPercent, calendars.get(calendarId),
                startedAt));
    }

    public SlaClock clock(long requestId, SlaMetric metric) {
        return clocks.findByRequestIdAndMetric(requestId, metric).orElseThrow(
                () -> new IllegalStateException("Request " + requestId + " has no " + metric + " clock"));
    }

    /** Records the warning; false when the clock already stopped or was already warned. */
    public boolean warn(long requestId, SlaMetric metric, Instant now) {
        return !clock(requestId, metric).isStopped() && record(requestId, metric, SlaEvent.Type.WARNING, 0, null, now);
    }

    /** Records the breach; false when the clock stopped or had already breached. */
    public boolean breach(long requestId, SlaMetric metric, Instant now) {
        if (!clock(requestId, metric).breach()) {
            return false;
        }
        requests.findById(requestId).orElseThrow().markBreached();
        return record(requestId, metric, SlaEvent.Type.BREACHED, 0, null, now);
    }

    /** Records an escalation to {@code group} at {@code level}; false when the clock stopped or it happened. */
    public boolean escalate(long requestId, SlaMetric metric, int level, String group, Instant now) {
        return !clock(requestId, metric).isStopped()
                && record(requestId, metric, SlaEvent.Type.ESCALATED, level, group, now);
    }

    /** Stops the clock as MET or BREACHED; a breach no timer had recorded yet is recorded now. */
    public SlaClock stop(long requestId, SlaMetric metric, Instant now) {
        SlaClock clock = clock(requestId, metric);
        if (clock.isStopped()) {
            return clock;
        }
        if (clock.stop(now, calendars.get(clock.getCalendarId()))) {
            requests.findById(requestId).orElseThrow().markBreached();
            record(requestId, metric, SlaEvent.Type.BREACHED, 0, null, now);
        }
        if (clock.getState() == ClockState.MET) {
            record(requestId, metric, SlaEvent.Type.MET, 0, null, now);
        }
        return clock;
    }

    public void stopAll(long requestId, Instant now) {
        clocks.findByRequestIdOrderByIdAsc(requestId).forEach(clock -> stop(requestId, clock.getMetric(), now));
    }

    private boolean record(long requestId, SlaMetric metric, SlaEvent.Type type, int level, String group,
            Instant now) {
        // timer jobs of one process instance run one at a time; uk_event_once backs this check up
        if (events.existsByRequestIdAndMetricAndTypeAndLevel(requestId, metric, type, level)) {
            return false;
        }
        events.save(new SlaEvent(requestId, metric, type, level, group, now));
        return true;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ClockView> clocksOf(long requestId, Instant now) {
        return clocks.findByRequestIdOrderByIdAsc(requestId).stream().map(clock -> {
            Duration elapsed = clock.elapsed(now, calendars.get(clock.getCalendarId()));
            Duration remaining = clock.targetDuration().minus(elapsed);
            return new ClockView(clock.getMetric().name(), clock.getTarget(), clock.getCalendarId(),
                    clock.getWarningPercent(), clock.getStartedAt(), clock.getWarnAt(), clock.getDueAt(),
                    clock.getState().name(), clock.getStoppedAt(), elapsed.toString(),
                    (remaining.isNegative() ? Duration.ZERO : remaining).toString(), clock.isEverBreached());
        }).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<EventView> eventsOf(long requestId) {
        return events.findByRequestIdOrderByOccurredAtAscIdAsc(requestId).stream()
                .map(event -> new EventView(event.getType().name(), event.getMetric().name(),
                        event.getType() == SlaEvent.Type.ESCALATED ? event.getLevel() : null, event.getGroupId(),
                        event.getOccurredAt()))
                .toList();
    }
}
