package com.sladesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;


/** What the request API shows of a request's SLA; implemented by the sla package. */
public interface RequestSla {

    List<ClockView> clocksOf(long requestId, Instant now);

    List<EventView> eventsOf(long requestId);

    /** Business and wall-clock time the request spent in each status, up to {@code now} for the current one. */
    Map<RequestStatus, StateTotal> timeInState(long requestId, String calendarId, Instant now);

    /** One clock as the API shows it; elapsed, paused and remaining are business durations (ISO-8601). */
    record ClockView(String metric, String target, String calendar, int warningPercent, Instant startedAt,
            Instant warnAt, Instant dueAt, String state, Instant stoppedAt, String elapsed, String paused,
            String remaining, boolean everBreached, int escalationLevel) {
    }

    /** Time spent in one status: business time of the request's calendar and wall-clock time (ISO-8601). */
    record StateTotal(String business, String wall) {

        public static StateTotal of(Duration business, Duration wall) {
            return new StateTotal(business.toString(), wall.toString());
        }
    }

    /**
     * One SLA event; level and group are set for escalations, the reason where the desk knows why (an
     * acknowledgement not delivered, a loop with the customer left open).
     */
    record EventView(String type, String metric, Integer level, String group, Instant at, String reason) {
    }
}
