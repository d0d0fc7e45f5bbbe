package com.sladesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.sladesk.sla.WorkingHoursCalendar.Interval;

/** Business calendars from configuration (sladesk.calendars); 24x7 is always there. */
@ConfigurationProperties("sladesk")
public record CalendarProperties(List<Calendar> calendars) {

    public CalendarProperties {
        calendars = calendars == null ? List.of() : calendars;
    }

    /**
     * One calendar: weekly working hours as "HH:mm-HH:mm" per day, holidays off, extra working days
     * with {@code extraWorkingDayHours} (default: Monday's hours).
     */
    public record Calendar(String id, ZoneId zone, Map<DayOfWeek, List<String>> weekly, List<LocalDate> holidays,
            List<LocalDate> extraWorkingDays, List<String> extraWorkingDayHours) {

        WorkingHoursCalendar toCalendar() {
            Map<DayOfWeek, List<Interval>> intervals = new EnumMap<>(DayOfWeek.class);
            (weekly == null ? Map.<DayOfWeek, List<String>>of() : weekly)
                    .forEach((day, hours) -> intervals.put(day, parse(hours)));
            List<Interval> extraHours = extraWorkingDayHours == null
                    ? intervals.getOrDefault(DayOfWeek.MONDAY, List.of())
                    : parse(extraWorkingDayHours);
            return new WorkingHoursCalendar(id, zone, intervals,
                    holidays == null ? Set.of() : Set.copyOf(holidays),
                    extraWorkingDays == null ? Set.of() : Set.copyOf(extraWorkingDays),
                    extraHours);
        }

        private static List<Interval> parse(List<String> hours) {
            return hours.stream().map(Interval::parse).toList();
        }
    }
}
