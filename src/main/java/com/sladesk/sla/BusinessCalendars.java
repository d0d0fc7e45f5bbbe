package com.sladesk.sla;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The business calendars a SlaTargets row may name, by id: 24x7 and those configured. */
@Component
public class BusinessCalendars {

    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    private final String version;

    public BusinessCalendars(CalendarProperties properties) {
        version = properties.toString();
        calendars.put(TwentyFourSevenCalendar.ID, new TwentyFourSevenCalendar());
        properties.calendars().forEach(calendar -> calendars.put(calendar.id(), calendar.toCalendar()));
    }

    /** Changes whenever a calendar's hours, holidays or extra working days change. */
    public String version() {
        return version;
    }

    public BusinessCalendar get(String id) {
        BusinessCalendar calendar = calendars.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("Unknown business calendar '" + id + "', known: " + calendars.keySet());
        }
        return calendar;
    }
}
