package com.sladesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A business calendar of weekly working intervals in one time zone, with public holidays off and extra
 * working days (such as China's adjusted working days) that follow the schedule of a normal working day.
 * Interval ends are wall-clock times of the zone, so daylight-saving changes move them with the clocks.
 */
public final class WorkingHoursCalendar implements BusinessCalendar {

    /** A working interval of one day, from its start up to (not including) its end. */
    public record Interval(LocalTime from, LocalTime to) {

        public Interval {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("interval must end after it starts: " + from + "-" + to);
            }
        }

        /** Parses "09:00-12:00". */
        public static Interval parse(String text) {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected HH:mm-HH:mm, got '" + text + "'");
            }
            return new Interval(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        }
    }

    /** Ten years without a single working minute means the calendar cannot serve any target. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    private final String id;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<Interval>> weekly;
    private final List<Interval> extraWorkingDayIntervals;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> extraWorkingDays;

    public WorkingHoursCalendar(String id, ZoneId zone, Map<DayOfWeek, List<Interval>> weekly,
            Set<LocalDate> holidays, Set<LocalDate> extraWorkingDays, List<Interval> extraWorkingDayIntervals) {
        this.id = id;
        this.zone = zone;
        this.weekly = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, intervals) -> this.weekly.put(day, sortedWithoutOverlaps(intervals)));
        this.holidays = Set.copyOf(holidays);
        this.extraWorkingDays = Set.copyOf(extraWorkingDays);
        this.extraWorkingDayIntervals = sortedWithoutOverlaps(extraWorkingDayIntervals);
        if (this.weekly.values().stream().allMatch(List::isEmpty) && this.extraWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("calendar " + id + " has no working time");
        }
    }

    @Override
    public String id() {
        return id;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The working intervals of a date: none on a holiday, a working day's on an extra working day. */
    public List<Interval> intervalsOn(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        if (extraWorkingDays.contains(date)) {
            return extraWorkingDayIntervals;
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative: " + businessTime);
        }
        Duration remaining = businessTime;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int day = 0; day < MAX_DAYS_SEARCHED; day++, date = date.plusDays(1)) {
            for (Interval interval : intervalsOn(date)) {
                Instant from = instant(date, interval.from());
                Instant to = instant(date, interval.to());
                if (!to.isAfter(start)) {
                    continue;
                }
                Instant counting = from.isAfter(start) ? from : start;
                Duration available = Duration.between(counting, to);
                if (remaining.compareTo(available) <= 0) {
                    return counting.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw new IllegalStateException("calendar " + id + " has no working time within ten years of " + start);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (Interval interval : intervalsOn(date)) {
                Instant start = max(from, instant(date, interval.from()));
                Instant end = min(to, instant(date, interval.to()));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private Instant instant(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<Interval> sortedWithoutOverlaps(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                throw new IllegalArgumentException("overlapping intervals " + sorted.get(i - 1) + " and "
                        + sorted.get(i));
            }
        }
        return sorted;
    }
}
