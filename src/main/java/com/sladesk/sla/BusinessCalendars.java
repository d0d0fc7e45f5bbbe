package com.sladesk.sla;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The business calendars a SlaTargets row may name, by id: 24x7 and those configured. */
@Component
public class BusinessCalendars {

    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();

    public BusinessCalendars(CalendarProperties properties) {
        calendars.put(TwentyFourSevenCalendar.ID, new TwentyFourSevenCalendar());
        properties.calendars().forEach(calendar -> calendars.put(calendar.id(), calendar.toCalendar()));
    }

    public BusinessCalendar get(String id) {
        BusinessCalendar calendar = calendars.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("Unknown business calendar '" + id + "', known: " + calendars.keySet());
        }
        return calendar;
    }
}
