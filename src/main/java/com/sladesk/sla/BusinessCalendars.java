package com.sladesk.sla;

import java.util.Map;

import org.springframework.stereotype.Component;

/** The business calendars a SlaTargets row may name, by id. */
@Component
public class BusinessCalendars {

    private final Map<String, BusinessCalendar> calendars = Map.of(TwentyFourSevenCalendar.ID,
            new TwentyFourSevenCalendar());

    public BusinessCalendar get(String id) {
        BusinessCalendar calendar = calendars.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("Unknown business calendar '" + id + "', known: " + calendars.keySet());
        }
        return calendar;
    }
}
