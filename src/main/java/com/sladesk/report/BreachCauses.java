package com.sladesk.report;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.sladesk.sla.BusinessCalendar;

/**
 * Where the time of breached clocks went: the business time of the budget (start to due instant) spent
 * waiting in the queue before an agent claimed the request, in agent work and with the experts, and the
 * business time the request stayed open after the breach, while it was being escalated. The two ends of the
 * chain have a cause of their own: an acknowledgement's budget went on its delivery (the breach says why it
 * failed), a follow-up's on waiting for someone to close the loop with the customer. Added up by month; a
 * month whose breached clocks all stopped is read once while its rows stay the same (ReportSegments).
 */
public class BreachCauses {

    public enum Cause {
        QUEUE, AGENT, EXPERTS, ESCALATION,
        /** The ACKNOWLEDGEMENT clock's budget: the outbox did not deliver the acknowledgement in time. */
        DELIVERY,
        /** The FOLLOW_UP clock's budget: nobody closed the loop with the customer in time. */
        FOLLOW_UP
    }

    /** One group's breached clocks, seconds per cause, and how many had each cause as the largest share. */
    public record Row(Map<String, String> group, long breachedClocks, Map<Cause, Long> seconds,
            Map<Cause, Long> mainCause) {
    }

    /** One breached clock, for the manager to open the request's history; {@code reason} where the desk knows. */
    public record Breach(String key, String team, String category, String metric, Instant dueAt, Instant stoppedAt,
            Cause mainCause, Map<Cause, Long> seconds, String reason) {
    }

    public record Report(Instant from, Instant to, List<String> groupBy, List<Row> rows, Row total,
            List<Breach> latest) {
    }

    private record Clock(long requestId, String key, String team, String category, String metric,
            Instant startedAt, Instant dueAt, Instant stoppedAt, String calendarId, String reason) {
    }

    private record Interval(String status, String assignee, Instant start, Instant end) {
    }

    private static final int LATEST = 20;
    /** The kind of kept figures that holds a month's cells. */
    private static final String CELLS = "breach-cells";
    /** How many requests' splits to keep (about 30 MB). */
    private static final int MAX_SPLITS_KEPT = 100_000;
    /** Breached clocks, seconds per cause, clocks per main cause. */
    private static final int SUMS = 1 + 2 * Cause.values().length;
    private static final List<String> CAUSE_NAMES = Arrays.stream(Cause.values()).map(Cause::name).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final Function<String, BusinessCalendar> calendars;
    private final String calendarsVersion;
    private final ReportSegments segments;
    private final Map<Long, Split> splits = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Split> eldest) {
            return size() > MAX_SPLITS_KEPT;
        }
    };

    /** {@code calendarsVersion}: changes with the business calendars, which the figures are worked out with. */
    public BreachCauses(NamedParameterJdbcTemplate jdbc, Function<String, BusinessCalendar> calendars,
            String calendarsVersion, ReportSegments segments) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.calendarsVersion = calendarsVersion;
        this.segments = segments;
    }

    public Report of(ReportScope scope, Instant now) {
        Map<List<String>, long[]> sums = new TreeMap<>(SlaReports.GROUP_ORDER);
        long[] total = new long[SUMS];
        List<Breach> latest = new ArrayList<>();
        for (ReportScope month : segments.months(scope)) {
            MonthCauses causes = segments.of("breach-causes", calendarsVersion, month, MonthCauses.CODEC,
                    () -> monthCauses(month, now),
                    new ReportSegments.FromCells<>(CELLS, MonthCauses.CODEC, cells -> grouped(cells, month.groupBy())));
            causes.sums().forEach((group, sum) -> {
                add(sums.computeIfAbsent(group, g -> new long[SUMS]), sum);
                add(total, sum);
            });
            latest.addAll(causes.latest());
        }
        List<Row> rows = sums.entrySet().stream().map(e -> row(scope.groupBy(), e.getKey(), e.getValue())).toList();
        return new Report(scope.from(), scope.to(), scope.groupBy().stream().map(Dimension::label).toList(), rows,
                row(List.of(), List.of(), total), latestFirst(latest));
    }

    /**
     * Works out the month's cells (its breached requests grouped by every dimension) unless they are kept with
     * the month's stamp; whether it did.
     */
    public boolean prepare(ReportScope month, Instant now) {
        ReportScope cells = ReportSegments.cells(month);
        return segments.prepare(CELLS, calendarsVersion, cells, MonthCauses.CODEC, () -> monthCauses(cells, now));
    }

    /** The cells' sums added up by the grouping; the month's latest breaches as they are (the report is unfiltered). */
    private static MonthCauses grouped(MonthCauses cells, List<Dimension> groupBy) {
        Map<List<String>, long[]> sums = new HashMap<>();
        cells.sums().forEach((cell, sum) -> add(sums.computeIfAbsent(SlaReports.groupOf(cell, groupBy),
                g -> new long[SUMS]), sum));
        return new MonthCauses(sums, cells.latest());
    }

    private static void add(long[] into, long[] sum) {
        for (int i = 0; i < SUMS; i++) {
            into[i] += sum[i];
        }
    }

    /** Per group: breached clocks, seconds per cause, clocks per main cause; and the month's latest breaches. */
    record MonthCauses(Map<List<String>, long[]> sums, List<Breach> latest) {

        static final ReportSegments.Codec<MonthCauses> CODEC = new ReportSegments.Codec<>() {
            @Override
            public void write(MonthCauses causes, DataOutputStream out) throws IOException {
                // the causes, in the order of the sums and seconds below
                FiguresCodec.writeGroup(out, CAUSE_NAMES);
                out.writeInt(causes.sums().size());
                for (Map.Entry<List<String>, long[]> group : causes.sums().entrySet()) {
                    FiguresCodec.writeGroup(out, group.getKey());
                    for (long sum : group.getValue()) {
                        FiguresCodec.writeSmall(out, sum);
                    }
                }
                out.writeInt(causes.latest().size());
                for (Breach breach : causes.latest()) {
                    for (String value : Arrays.asList(breach.key(), breach.team(), breach.category(), breach.metric(),
                            breach.reason())) {
                        FiguresCodec.writeString(out, value);
                    }
                    FiguresCodec.writeInstant(out, breach.dueAt());
                    FiguresCodec.writeInstant(out, breach.stoppedAt());
                    out.writeInt(breach.mainCause().ordinal());
                    for (Cause cause : Cause.values()) {
                        FiguresCodec.writeSmall(out, breach.seconds().get(cause));
                    }
                }
            }

            @Override
            public MonthCauses read(DataInputStream in) throws IOException {
                if (!FiguresCodec.readGroup(in).equals(CAUSE_NAMES)) {
                    throw new IOException("written with other causes than " + CAUSE_NAMES);
                }
                Map<List<String>, long[]> sums = new HashMap<>();
                for (int groups = FiguresCodec.count(in); groups > 0; groups--) {
                    List<String> group = FiguresCodec.readGroup(in);
                    long[] sum = new long[SUMS];
                    for (int i = 0; i < SUMS; i++) {
                        sum[i] = FiguresCodec.readSmall(in);
                    }
                    sums.put(group, sum);
                }
                List<Breach> latest = new ArrayList<>();
                for (int breaches = FiguresCodec.count(in); breaches > 0; breaches--) {
                    String[] text = new String[5];
                    for (int i = 0; i < text.length; i++) {
                        text[i] = FiguresCodec.readString(in);
                    }
                    Instant dueAt = FiguresCodec.readInstant(in);
                    Instant stoppedAt = FiguresCodec.readInstant(in);
                    Cause mainCause = Cause.values()[in.readInt()];
                    Map<Cause, Long> seconds = new EnumMap<>(Cause.class);
                    for (Cause cause : Cause.values()) {
                        seconds.put(cause, FiguresCodec.readSmall(in));
                    }
                    latest.add(new Breach(text[0], text[1], text[2], text[3], dueAt, stoppedAt, mainCause, seconds,
                            text[4]));
                }
                return new MonthCauses(sums, List.copyOf(latest));
            }
        };
    }

    /**
     * A month's breached clocks; kept only if every one of them stopped (else they depend on the instant). A
     * request whose breached clocks all stopped is split once per revision of its report row.
     */
    private ReportSegments.Figures<MonthCauses> monthCauses(ReportScope month, Instant now) {
        Map<Long, Breached> requests = breachedRequests(month);
        Map<Long, List<Breach>> breaches = new HashMap<>();
        Map<Long, Breached> unknown = new LinkedHashMap<>();
        synchronized (splits) {
            requests.forEach((id, request) -> {
                Split known = splits.get(id);
                if (known != null && known.revision() == request.revision()) {
                    breaches.put(id, known.breaches());
                } else {
                    unknown.put(id, request);
                }
            });
        }
        List<Long> ids = List.copyOf(unknown.keySet());
        List<Clock> clocks = clocksOf(ids);
        Map<Long, List<Interval>> intervals = intervalsOf(ids);
        Map<Long, List<Breach>> computed = new HashMap<>();
        Set<Long> running = new HashSet<>();
        for (Clock clock : clocks) {
            Map<Cause, Long> seconds = split(clock, intervals.getOrDefault(clock.requestId(), List.of()), now);
            computed.computeIfAbsent(clock.requestId(), id -> new ArrayList<>()).add(new Breach(clock.key(),
                    clock.team(), clock.category(), clock.metric(), clock.dueAt(), clock.stoppedAt(),
                    mainCause(seconds), seconds, clock.reason()));
            if (clock.stoppedAt() == null) {
                running.add(clock.requestId());
            }
        }
        synchronized (splits) {
            computed.forEach((id, list) -> {
                if (!running.contains(id)) {
                    splits.put(id, new Split(unknown.get(id).revision(), List.copyOf(list)));
                }
            });
        }
        breaches.putAll(computed);
        Map<List<String>, long[]> sums = new HashMap<>();
        List<Breach> all = new ArrayList<>();
        requests.forEach((id, request) -> breaches.getOrDefault(id, List.of()).forEach(breach -> {
            long[] sum = sums.computeIfAbsent(request.group(), g -> new long[SUMS]);
            sum[0]++;
            breach.seconds().forEach((cause, value) -> sum[1 + cause.ordinal()] += value);
            sum[1 + Cause.values().length + breach.mainCause().ordinal()]++;
            all.add(breach);
        }));
        List<Breach> latest = latestFirst(all);
        return new ReportSegments.Figures<>(new MonthCauses(sums, latest), running.isEmpty());
    }

    private static List<Breach> latestFirst(List<Breach> breaches) {
        List<Breach> sorted = new ArrayList<>(breaches);
        // breaches due at the same instant in the order of their keys: the same twenty whatever the rows' order
        sorted.sort(Comparator.comparing(Breach::dueAt).reversed().thenComparing(Breach::key)
                .thenComparing(Breach::metric));
        return List.copyOf(sorted.subList(0, Math.min(LATEST, sorted.size())));
    }

    /** Business seconds per cause of one breached clock: the budget by state, then the time after the breach. */
    Map<Cause, Long> split(Clock clock, List<Interval> intervals, Instant now) {
        BusinessCalendar calendar = calendars.apply(clock.calendarId());
        Instant end = clock.stoppedAt() != null ? clock.stoppedAt() : now;
        Map<Cause, Long> seconds = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            seconds.put(cause, 0L);
        }
        Cause ownCause = switch (clock.metric()) {
            case "ACKNOWLEDGEMENT" -> Cause.DELIVERY;
            case "FOLLOW_UP" -> Cause.FOLLOW_UP;
            default -> null;
        };
        if (ownCause != null) {
            // the whole budget went on one thing; the time after the breach as for any clock
            seconds.put(ownCause, overlap(calendar, clock.startedAt(), end, clock.startedAt(), clock.dueAt()));
            seconds.put(Cause.ESCALATION, overlap(calendar, clock.dueAt(), end, clock.dueAt(), end));
            return seconds;
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
        for (Cause cause : List.of(Cause.QUEUE, Cause.AGENT, Cause.EXPERTS, Cause.DELIVERY, Cause.FOLLOW_UP)) {
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
        List<Clock> clocks = clocksOf(List.of(requestId));
        List<Interval> intervals = intervalsOf(List.of(requestId)).getOrDefault(requestId, List.of());
        Map<String, Map<Cause, Long>> byMetric = new TreeMap<>();
        clocks.forEach(clock -> byMetric.put(clock.metric(), split(clock, intervals, now)));
        return byMetric;
    }

    private record Breached(List<String> group, long revision) {
    }

    /** A request's breached clocks split by cause, as of a revision of its report row. */
    private record Split(long revision, List<Breach> breaches) {
    }

    /** Breached requests of the period from the report rows. */
    private Map<Long, Breached> breachedRequests(ReportScope scope) {
        String groups = SlaReports.groupColumns(scope.groupBy());
        String sql = "select " + (groups.isEmpty() ? "" : groups + ", ") + "r.request_id, r.revision"
                + " from request_report r" + SlaReports.where(scope) + " and r.breached";
        Map<Long, Breached> requests = new LinkedHashMap<>();
        jdbc.query(sql, SlaReports.parameters(scope), (ResultSet rs) -> {
            requests.put(rs.getLong("request_id"), new Breached(SlaReports.groupOf(rs, scope.groupBy().size()),
                    rs.getLong("revision")));
        });
        return requests;
    }

    private List<Clock> clocksOf(List<Long> ids) {
        List<Clock> clocks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            // a clock breaches once (uk_event_once): its BREACHED event says why, where the desk knows
            jdbc.query("select c.request_id, s.request_key, s.team, s.category, c.metric, c.started_at, c.due_at,"
                    + " c.stopped_at, c.calendar_id, e.reason from sla_clock c"
                    + " join service_request s on s.id = c.request_id left join sla_event e"
                    + " on e.request_id = c.request_id and e.metric = c.metric and e.type = 'BREACHED'"
                    + " where c.request_id in (:ids) and c.ever_breached order by c.request_id, c.id",
                    new MapSqlParameterSource("ids", chunk), (ResultSet rs) -> {
                        clocks.add(new Clock(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), Utc.instant(rs, 6),
                                Utc.instant(rs, 7), Utc.instant(rs, 8), rs.getString(9), rs.getString(10)));
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
