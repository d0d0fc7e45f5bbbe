package com.sladesk.request;

import java.time.Instant;
import java.util.List;

/** What the request API shows of a request's SLA; implemented by the sla package. */
public interface RequestSla {

    List<ClockView> clocksOf(long requestId, Instant now);

    List<EventView> eventsOf(long requestId);

    /** One clock as the API shows it; elapsed and remaining are business durations (ISO-8601). */
    record ClockView(String metric, String target, String calendar, int warningPercent, Instant startedAt,
            Instant warnAt, Instant dueAt, String state, Instant stoppedAt, String elapsed, String remaining,
            boolean everBreached) {
    }

    /** One SLA event; level and group are set for escalations. */
    record EventView(String type, String metric, Integer level, String group, Instant at) {
    }
}
