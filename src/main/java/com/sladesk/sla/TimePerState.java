package com.sladesk.sla;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatusChanged;

/** Records every status interval of a request, ending the previous one in the calendar of the request. */
@Component
class TimePerState {

    private final StatusIntervalRepository intervals;
    private final BusinessCalendars calendars;

    TimePerState(StatusIntervalRepository intervals, BusinessCalendars calendars) {
        this.intervals = intervals;
        this.calendars = calendars;
    }

    @EventListener
    void on(RequestStatusChanged change) {
        BusinessCalendar calendar = calendars.get(change.calendarId() == null ? TwentyFourSevenCalendar.ID
                : change.calendarId());
        if (change.from() != null) { // a request's first interval has none before it to end
            intervals.findFirstByRequestIdAndEndedAtIsNullOrderByIdDesc(change.requestId())
                    .ifPresent(open -> open.end(change.at(), calendar));
        }
        intervals.save(new StatusInterval(change.requestId(), change.to(), change.at(), change.team(),
                change.assignee()));
    }
}
