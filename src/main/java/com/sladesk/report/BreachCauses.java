package com.sladesk.report;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.sladesk.sla.BusinessCalendar;

/**
 * Where the time of breached clocks went: the business time of the budget (start to due instant) spent
 * waiting in the queue before an agent claimed the request, in agent work and with the experts, and the
 * business time the request stayed open after the breach, while it was being escalated.
 */
public class BreachCauses {

    public enum Cause {
        QUEUE, AGENT, EXPERTS, ESCALATION
    }

    /** One group's breached clocks, seconds per cause, and how many had each cause as the largest share. */
    public record Row(Map<String, String> group, long breachedClocks, Map<Cause, Long> seconds,
            Map<Cause, Long> mainCause) {
    }

    /** One breached clock, for the manager to open the request's history. */
    public record Breach(String key, String team, String category, String metric, Instant dueAt, Instant stoppedAt,
            Cause mainCause, Map<Cause, Long> seconds) {
    }

    public record Report(Instant from, Instant to, List<String> groupBy, List<Row> rows, Row total,
            List<Breach> latest) {
    }

    private record Clock(long requestId, String key, List<String> group, String team, String category,
            String metric, Instant startedAt, Instant dueAt, Instant stoppedAt, String calendarId) {
    }

    private record Interval(String status, String assignee, Instant start, Instant end) {
    }

    private static final int LATEST = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final Function<String, BusinessCalendar> calendars;

    public BreachCauses(NamedParameterJdbcTemplate jdbc, Function<String, BusinessCalendar> calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    public Report of(ReportScope scope, Instant now) {
        List<Clock> clocks = breachedClocks(scope);
        Map<Long, List<Interval>> intervals = intervalsOf(clocks.stream().map(Clock::requestId).distinct().toList());
        Map<List<String>, long[]> sums = new TreeMap<>(SlaReports.GROUP_ORDER);
        long[] total = new long[1 + 2 * Cause.values().length];
        List<Breach> breaches = new ArrayList<>();
        for (Clock clock : clocks) {
            Map<Cause, Long> seconds = split(clock, intervals.getOrDefault(clock.requestId(), List.of()), now);
            Cause main = mainCause(seconds);
            long[] sum = sums.computeIfAbsent(clock.group(), g -> new long[total.length]);
            for (long[] s : new long[][] {sum, total}) {
                s[0]++;
                seconds.forEach((cause, value) -> s[1 + cause.ordinal()] += value);
                s[1 + Cause.values().length + main.ordinal()]++;
            }
            breaches.add(new Breach(clock.key(), clock.team(), clock.category(), clock.metric(), clock.dueAt(),
                    clock.stoppedAt(), main, seconds));
        }
        breaches.sort(Comparator.comparing(Breach::dueAt).reversed());
        List<Row> rows = sums.entrySet().stream().map(e -> row(scope.groupBy(), e.getKey(), e.getValue())).toList();
        return new Report(scope.from(), scope.to(), scope.groupBy().stream().map(Dimension::label).toList(), rows,
                row(List.of(), List.of(), total), breaches.subList(0, Math.min(LATEST, breaches.size())));
    }

    /** Business seconds per cause of one breached clock: the budget by state, then the time after the breach. */
    Map<Cause, Long> split(Clock clock, List<Interval> intervals, Instant now) {
        BusinessCalendar calendar = calendars.apply(clock.calendarId());
        Instant end = clock.stoppedAt() != null ? clock.stoppedAt() : now;
        Map<Cause, Long> seconds = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            seconds.put(cause, 0L);
        }
        for (Interval interval : intervals) {
            Cause cause = causeOf(interval);
            if (cause == null) {
                continue;
            }
            Instant intervalEnd = interval.end() != null ? interval.end() : now;
            seconds.merge(cause, overlap(calendar, interval.start(), intervalEnd, clock.startedAt(), clock.dueAt()),
                    Long::sum);
            seconds.merge(Cause.ESCALATION, overlap(calendar, interval.start(), intervalEnd, clock.dueAt(), end),
                    Long::sum);
        }
        return seconds;
    }

    /** The state's share of the budget; waiting on the customer and resolved periods do not count. */
    private static Cause causeOf(Interval interval) {
        return switch (interval.status()) {
            case "NEW" -> interval.assignee() == null ? Cause.QUEUE : Cause.AGENT;
            case "IN_PROGRESS" -> Cause.AGENT;
            case "WITH_EXPERTS" -> Cause.EXPERTS;
            default -> null;
        };
    }

    private static long overlap(BusinessCalendar calendar, Instant a, Instant b, Instant from, Instant to) {
        Instant start = a.isAfter(from) ? a : from;
        Instant end = b.isBefore(to) ? b : to;
        return end.isAfter(start) ? calendar.between(start, end).toSeconds() : 0;
    }

    private static Cause mainCause(Map<Cause, Long> seconds) {
        Cause main = Cause.QUEUE;
        for (Cause cause : List.of(Cause.QUEUE, Cause.AGENT, Cause.EXPERTS)) {
            if (seconds.get(cause) > seconds.get(main)) {
                main = cause;
            }
        }
        return main;
    }

    private static Row row(List<Dimension> dimensions, List<String> group, long[] sum) {
        Map<String, String> named = Dimension.named(dimensions, group);
        Map<Cause, Long> seconds = new EnumMap<>(Cause.class);
        Map<Cause, Long> main = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            seconds.put(cause, sum[1 + cause.ordinal()]);
            main.put(cause, sum[1 + Cause.values().length + cause.ordinal()]);
        }
        return new Row(named, sum[0], seconds, main);
    }

    /** Where the time of one request's breached clocks went, by metric. */
    public Map<String, Map<Cause, Long>> ofRequest(long requestId, Instant now) {
        List<Clock> clocks = clocksOf(Map.of(requestId, new Breached(List.of(), null, null)));
        List<Interval> intervals = intervalsOf(List.of(requestId)).getOrDefault(requestId, List.of());
        Map<String, Map<Cause, Long>> byMetric = new TreeMap<>();
        clocks.forEach(clock -> byMetric.put(clock.metric(), split(clock, intervals, now)));
        return byMetric;
    }

    private record Breached(List<String> group, String team, String category) {
    }

    /** Breached requests of the period from the report rows, then their breached clocks. */
    private List<Clock> breachedClocks(ReportScope scope) {
        String groups = SlaReports.groupColumns(scope.groupBy());
        String sql = "select " + (groups.isEmpty() ? "" : groups + ", ") + "r.request_id, r.team, r.category"
                + " from request_report r" + SlaReports.where(scope) + " and r.breached";
        Map<Long, Breached> requests = new LinkedHashMap<>();
        jdbc.query(sql, SlaReports.parameters(scope), (ResultSet rs) -> {
            requests.put(rs.getLong("request_id"), new Breached(SlaReports.groupOf(rs, scope.groupBy().size()),
                    rs.getString("team"), rs.getString("category")));
        });
        return clocksOf(requests);
    }

    private List<Clock> clocksOf(Map<Long, Breached> requests) {
        List<Long> ids = List.copyOf(requests.keySet());
        List<Clock> clocks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            jdbc.query("select c.request_id, s.request_key, s.team, s.category, c.metric, c.started_at, c.due_at,"
                    + " c.stopped_at, c.calendar_id from sla_clock c join service_request s on s.id = c.request_id"
                    + " where c.request_id in (:ids) and c.ever_breached order by c.request_id, c.id",
                    new MapSqlParameterSource("ids", chunk), (ResultSet rs) -> {
                        Breached request = requests.get(rs.getLong(1));
                        clocks.add(new Clock(rs.getLong(1), rs.getString(2), request.group(), rs.getString(3),
                                rs.getString(4), rs.getString(5), Utc.instant(rs, 6),
                                Utc.instant(rs, 7), Utc.instant(rs, 8), rs.getString(9)));
                    });
        }
        return clocks;
    }

    private Map<Long, List<Interval>> intervalsOf(List<Long> requestIds) {
        Map<Long, List<Interval>> intervals = new HashMap<>();
        for (int i = 0; i < requestIds.size(); i += 1000) {
            List<Long> chunk = requestIds.subList(i, Math.min(requestIds.size(), i + 1000));
            jdbc.query("select request_id, status, assignee, started_at, ended_at from status_interval"
                    + " where request_id in (:ids) order by started_at, id", new MapSqlParameterSource("ids", chunk),
                    (ResultSet rs) -> {
                        intervals.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new Interval(
                                rs.getString(2), rs.getString(3), Utc.instant(rs, 4),
                                Utc.instant(rs, 5)));
                    });
        }
        return intervals;
    }

}
