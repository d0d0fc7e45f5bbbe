package com.sladesk.report;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * SLA figures from request_report (a row per request with its clocks' outcomes, in the order of arrival) with
 * SQL aggregates; only the business seconds of stopped clocks are read one by one, for medians and 90th
 * percentiles. The SLA report adds up months, each read once while its rows stay the same (ReportSegments).
 */
public class SlaReports {

    static final int MAX_LEVEL = 5;
    /**
     * Column prefixes of the first response, expert response, resolution, acknowledgement and follow-up clocks in
     * request_report.
     */
    private static final String[] METRICS = {"frt", "ert", "ttr", "ack", "fu"};
    /** The clocks whose times the report gives: first response, resolution, acknowledgement, follow-up. */
    private static final String[] TIMED = {"frt", "ttr", "ack", "fu"};
    private static final String OPEN = "r.status not in ('RESOLVED', 'CLOSED', 'CLOSED_NO_REPLY')";
    /** The kind of kept figures that holds a month's cells. */
    private static final String CELLS = "sla-cells";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final ReportSegments segments;

    public SlaReports(NamedParameterJdbcTemplate jdbc, ZoneId zone, ReportSegments segments) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.segments = segments;
    }

    public ZoneId zone() {
        return zone;
    }

    public SlaReport sla(ReportScope scope) {
        Map<List<String>, Sums> sums = new HashMap<>();
        Map<List<String>, List<long[][]>> seconds = new HashMap<>();
        for (ReportScope month : segments.months(scope)) {
            MonthFigures figures = segments.of("sla", "", month, MonthFigures.CODEC, () -> monthFigures(month),
                    new ReportSegments.FromCells<>(CELLS, MonthCells.CODEC, cells -> cells.grouped(month.groupBy())));
            figures.sums().forEach((group, s) -> sums.merge(group, s, Sums::plus));
            figures.seconds().forEach((group, s) -> seconds.computeIfAbsent(group, g -> new ArrayList<>()).add(s));
        }
        List<SlaReport.Row> rows = sums.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(GROUP_ORDER))
                .map(e -> row(scope.groupBy(), e.getKey(), e.getValue(), seconds.getOrDefault(e.getKey(), List.of())))
                .toList();
        Sums total = sums.values().stream().reduce(Sums.NONE, Sums::plus);
        return new SlaReport(scope.from(), scope.to(), scope.groupBy().stream().map(Dimension::label).toList(), rows,
                row(List.of(), List.of(), total, seconds.values().stream().flatMap(List::stream).toList()));
    }

    /**
     * One month's sums per group, and the business seconds of its stopped clocks per group, sorted, in the order
     * of {@link #TIMED}.
     */
    record MonthFigures(Map<List<String>, Sums> sums, Map<List<String>, long[][]> seconds) {

        static final ReportSegments.Codec<MonthFigures> CODEC = new ReportSegments.Codec<>() {
            @Override
            public void write(MonthFigures figures, DataOutputStream out) throws IOException {
                out.writeInt(figures.sums().size());
                for (Map.Entry<List<String>, Sums> group : figures.sums().entrySet()) {
                    FiguresCodec.writeGroup(out, group.getKey());
                    group.getValue().write(out);
                }
                // a group with seconds is one of the groups above (its clocks are counted): by its place among them
                Map<List<String>, Integer> places = new HashMap<>();
                figures.sums().keySet().forEach(group -> places.put(group, places.size()));
                out.writeInt(figures.seconds().size());
                for (Map.Entry<List<String>, long[][]> group : figures.seconds().entrySet()) {
                    Integer place = places.get(group.getKey());
                    out.writeInt(place == null ? -1 : place);
                    if (place == null) {
                        FiguresCodec.writeGroup(out, group.getKey());
                    }
                    for (long[] sorted : group.getValue()) {
                        FiguresCodec.writeSorted(out, sorted);
                    }
                }
            }

            @Override
            public MonthFigures read(DataInputStream in) throws IOException {
                Map<List<String>, Sums> sums = new LinkedHashMap<>();
                for (int groups = FiguresCodec.count(in); groups > 0; groups--) {
                    sums.put(FiguresCodec.readGroup(in), Sums.read(in));
                }
                List<List<String>> places = new ArrayList<>(sums.keySet());
                Map<List<String>, long[][]> seconds = new HashMap<>();
                for (int groups = FiguresCodec.count(in); groups > 0; groups--) {
                    int place = in.readInt();
                    if (place < -1 || place >= places.size()) {
                        throw new IOException("no group " + place + " among " + places.size());
                    }
                    List<String> group = place == -1 ? FiguresCodec.readGroup(in) : places.get(place);
                    long[][] sorted = new long[TIMED.length][];
                    for (int clock = 0; clock < TIMED.length; clock++) {
                        sorted[clock] = FiguresCodec.readSorted(in);
                    }
                    seconds.put(group, sorted);
                }
                return new MonthFigures(sums, seconds);
            }
        };
    }

    /**
     * Works out the month's cells (its requests grouped by every dimension) unless they are kept with the
     * month's stamp; whether it did.
     */
    public boolean prepare(ReportScope month) {
        ReportScope cells = ReportSegments.cells(month);
        return segments.prepare(CELLS, "", cells, MonthCells.CODEC, () -> {
            ReportSegments.Figures<MonthFigures> byCell = monthFigures(cells);
            return new ReportSegments.Figures<>(MonthCells.of(byCell.value(), TIMED.length), byCell.keep());
        });
    }

    /** A cell's values (one per dimension, in their order) of the grouping's dimensions. */
    static List<String> groupOf(List<String> cell, List<Dimension> groupBy) {
        List<String> group = new ArrayList<>(groupBy.size());
        for (Dimension dimension : groupBy) {
            group.add(cell.get(dimension.ordinal()));
        }
        return group;
    }

    private ReportSegments.Figures<MonthFigures> monthFigures(ReportScope month) {
        MapSqlParameterSource parameters = parameters(month);
        Map<List<String>, Sums> sums = sums(month, parameters);
        Map<List<String>, long[][]> seconds = new HashMap<>();
        for (Map.Entry<List<String>, Samples[]> group : stoppedSeconds(month, parameters).entrySet()) {
            long[][] sorted = new long[TIMED.length][];
            for (int clock = 0; clock < TIMED.length; clock++) {
                sorted[clock] = group.getValue()[clock].sorted();
            }
            seconds.put(group.getKey(), sorted);
        }
        return new ReportSegments.Figures<>(new MonthFigures(sums, seconds), true);
    }

    /** The months' sorted seconds of one timed clock (index into {@link #TIMED}). */
    private static List<long[]> runs(List<long[][]> months, int clock) {
        return months.stream().map(month -> month[clock]).toList();
    }

    /** What one clock of a group of requests came to. */
    record ClockSums(long met, long breached, long stopped, long elapsedSeconds) {

        static final ClockSums NONE = new ClockSums(0, 0, 0, 0);

        ClockSums plus(ClockSums other) {
            return new ClockSums(met + other.met, breached + other.breached, stopped + other.stopped,
                    elapsedSeconds + other.elapsedSeconds);
        }

        void write(DataOutputStream out) throws IOException {
            FiguresCodec.writeSmall(out, met);
            FiguresCodec.writeSmall(out, breached);
            FiguresCodec.writeSmall(out, stopped);
            FiguresCodec.writeSmall(out, elapsedSeconds);
        }

        static ClockSums read(DataInputStream in) throws IOException {
            return new ClockSums(FiguresCodec.readSmall(in), FiguresCodec.readSmall(in), FiguresCodec.readSmall(in),
                    FiguresCodec.readSmall(in));
        }
    }

    /**
     * A group's requests, breached and still open breached ones, its first response, expert response and
     * resolution clocks, and how many requests reached each escalation level (index 0: level 1).
     */
    record Sums(long requests, long breachedRequests, long openBreached, ClockSums firstResponse,
            ClockSums expertResponse, ClockSums resolution, ClockSums acknowledgement, ClockSums followUp,
            List<Long> escalatedToLevel) {

        static final Sums NONE = new Sums(0, 0, 0, ClockSums.NONE, ClockSums.NONE, ClockSums.NONE, ClockSums.NONE,
                ClockSums.NONE, Collections.nCopies(MAX_LEVEL, 0L));

        Sums plus(Sums other) {
            List<Long> escalated = new ArrayList<>();
            for (int i = 0; i < MAX_LEVEL; i++) {
                escalated.add(escalatedToLevel.get(i) + other.escalatedToLevel.get(i));
            }
            return new Sums(requests + other.requests, breachedRequests + other.breachedRequests,
                    openBreached + other.openBreached, firstResponse.plus(other.firstResponse),
                    expertResponse.plus(other.expertResponse), resolution.plus(other.resolution),
                    acknowledgement.plus(other.acknowledgement), followUp.plus(other.followUp), escalated);
        }

        void write(DataOutputStream out) throws IOException {
            FiguresCodec.writeSmall(out, requests);
            FiguresCodec.writeSmall(out, breachedRequests);
            FiguresCodec.writeSmall(out, openBreached);
            for (ClockSums clock : List.of(firstResponse, expertResponse, resolution, acknowledgement, followUp)) {
                clock.write(out);
            }
            for (long count : escalatedToLevel) {
                FiguresCodec.writeSmall(out, count);
            }
        }

        static Sums read(DataInputStream in) throws IOException {
            long requests = FiguresCodec.readSmall(in);
            long breachedRequests = FiguresCodec.readSmall(in);
            long openBreached = FiguresCodec.readSmall(in);
            ClockSums[] clocks = new ClockSums[METRICS.length];
            for (int i = 0; i < clocks.length; i++) {
                clocks[i] = ClockSums.read(in);
            }
            List<Long> escalated = new ArrayList<>(MAX_LEVEL);
            for (int i = 0; i < MAX_LEVEL; i++) {
                escalated.add(FiguresCodec.readSmall(in));
            }
            return new Sums(requests, breachedRequests, openBreached, clocks[0], clocks[1], clocks[2], clocks[3],
                    clocks[4], escalated);
        }
    }

    /** Per group: counts and business seconds summed in SQL. */
    private Map<List<String>, Sums> sums(ReportScope scope, MapSqlParameterSource parameters) {
        String groups = groupColumns(scope.groupBy());
        StringBuilder sql = new StringBuilder("select ").append(groups.isEmpty() ? "" : groups + ", ")
                .append("count(*) as requests, sum(case when r.breached then 1 else 0 end) as breached_requests, ")
                .append("sum(case when r.breached and ").append(OPEN).append(" then 1 else 0 end) as open_breached");
        for (String m : METRICS) {
            sql.append(", sum(case when r.").append(m).append("_state = 'MET' then 1 else 0 end) as ").append(m)
                    .append("_met, sum(case when r.").append(m).append("_breached then 1 else 0 end) as ").append(m)
                    .append("_breached_clocks, count(r.").append(m).append("_seconds) as ").append(m)
                    .append("_stopped, coalesce(sum(r.").append(m).append("_seconds), 0) as ").append(m)
                    .append("_elapsed");
        }
        for (int level = 1; level <= MAX_LEVEL; level++) {
            int l = level;
            sql.append(", sum(").append(Arrays.stream(METRICS)
                    .map(m -> "case when r." + m + "_level >= " + l + " then 1 else 0 end")
                    .collect(Collectors.joining(" + "))).append(") as escalated_").append(level);
        }
        sql.append(" from request_report r").append(where(scope));
        if (!groups.isEmpty()) {
            sql.append(" group by ").append(groups);
        }
        Map<List<String>, Sums> sums = new LinkedHashMap<>();
        jdbc.query(sql.toString(), parameters, (ResultSet rs) -> {
            List<Long> escalated = new ArrayList<>();
            for (int level = 1; level <= MAX_LEVEL; level++) {
                escalated.add(rs.getLong("escalated_" + level));
            }
            Sums group = new Sums(rs.getLong("requests"), rs.getLong("breached_requests"),
                    rs.getLong("open_breached"), clock(rs, "frt"), clock(rs, "ert"), clock(rs, "ttr"),
                    clock(rs, "ack"), clock(rs, "fu"), escalated);
            if (group.requests() > 0) {
                sums.put(groupOf(rs, scope.groupBy().size()), group);
            }
        });
        return sums;
    }

    private static ClockSums clock(ResultSet rs, String metric) throws SQLException {
        return new ClockSums(rs.getLong(metric + "_met"), rs.getLong(metric + "_breached_clocks"),
                rs.getLong(metric + "_stopped"), rs.getLong(metric + "_elapsed"));
    }

    private static SlaReport.Row row(List<Dimension> dimensions, List<String> group, Sums sums,
            List<long[][]> seconds) {
        Map<String, String> named = Dimension.named(dimensions, group);
        Map<Integer, Long> escalations = new TreeMap<>();
        for (int level = 1; level <= MAX_LEVEL; level++) {
            long count = sums.escalatedToLevel().get(level - 1);
            if (count > 0) {
                escalations.put(level, count);
            }
        }
        ClockSums frt = sums.firstResponse();
        ClockSums ert = sums.expertResponse();
        ClockSums ttr = sums.resolution();
        ClockSums ack = sums.acknowledgement();
        ClockSums fu = sums.followUp();
        return new SlaReport.Row(named, sums.requests(), SlaReport.Compliance.of(frt.met(), frt.breached()),
                SlaReport.Compliance.of(ert.met(), ert.breached()), SlaReport.Compliance.of(ttr.met(), ttr.breached()),
                SlaReport.Times.of(frt.stopped(), frt.elapsedSeconds(), runs(seconds, 0)),
                SlaReport.Times.of(ttr.stopped(), ttr.elapsedSeconds(), runs(seconds, 1)),
                frt.breached() + ert.breached() + ttr.breached() + ack.breached() + fu.breached(),
                sums.breachedRequests(), escalations, sums.openBreached(),
                SlaReport.Compliance.of(ack.met(), ack.breached()), SlaReport.Compliance.of(fu.met(), fu.breached()),
                SlaReport.Times.of(ack.stopped(), ack.elapsedSeconds(), runs(seconds, 2)),
                SlaReport.Times.of(fu.stopped(), fu.elapsedSeconds(), runs(seconds, 3)));
    }

    /** Business seconds of the stopped clocks per group, in the order of {@link #TIMED}. */
    private Map<List<String>, Samples[]> stoppedSeconds(ReportScope scope, MapSqlParameterSource parameters) {
        String groups = groupColumns(scope.groupBy());
        String sql = "select " + (groups.isEmpty() ? "" : groups + ", ")
                + Arrays.stream(TIMED).map(m -> "r." + m + "_seconds").collect(Collectors.joining(", "))
                + " from request_report r" + where(scope) + " and ("
                + Arrays.stream(TIMED).map(m -> "r." + m + "_seconds is not null")
                        .collect(Collectors.joining(" or ")) + ")";
        int size = scope.groupBy().size();
        Map<List<String>, Samples[]> samples = new HashMap<>();
        jdbc.query(sql, parameters, (ResultSet rs) -> {
            Samples[] pair = samples.computeIfAbsent(groupOf(rs, size), key -> {
                Samples[] each = new Samples[TIMED.length];
                Arrays.setAll(each, i -> new Samples());
                return each;
            });
            for (int i = 0; i < TIMED.length; i++) {
                long seconds = rs.getLong(size + 1 + i);
                if (!rs.wasNull()) {
                    pair[i].add(seconds);
                }
            }
        });
        return samples;
    }

    /** One point of a trend line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrendPoint(LocalDate period, String group, long count, Double averageSeconds,
            Double medianSeconds, Double p90Seconds, Long met, Long breached, Double percent) {
    }

    public enum TrendMetric {
        FRT, TTR, COMPLIANCE
    }

    public enum Interval {
        DAY, WEEK
    }

    /**
     * FRT or TTR (business seconds of stopped clocks) or compliance (all clocks) per day or ISO week of the
     * request's arrival in the report zone, optionally per value of one dimension.
     */
    public List<TrendPoint> trend(ReportScope scope, TrendMetric metric, Interval interval) {
        String group = groupColumns(scope.groupBy());
        int size = scope.groupBy().size();
        String measures = switch (metric) {
            case FRT -> "r.frt_seconds from request_report r" + where(scope) + " and r.frt_seconds is not null";
            case TTR -> "r.ttr_seconds from request_report r" + where(scope) + " and r.ttr_seconds is not null";
            case COMPLIANCE -> Arrays.stream(METRICS).map(m -> "r." + m + "_state, r." + m + "_breached")
                    .collect(Collectors.joining(", ")) + " from request_report r" + where(scope);
        };
        // the group columns come first: groupOf reads them by position
        String sql = "select " + (group.isEmpty() ? "" : group + ", ") + "r.received_at, " + measures;
        Map<List<String>, Samples> values = new TreeMap<>(GROUP_ORDER);
        Map<List<String>, long[]> compliance = new HashMap<>();
        jdbc.query(sql, parameters(scope), (ResultSet rs) -> {
            LocalDate day = Utc.instant(rs, size + 1).atZone(zone).toLocalDate();
            LocalDate period = interval == Interval.WEEK
                    ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
            List<String> key = new ArrayList<>();
            key.add(period.toString());
            key.addAll(groupOf(rs, size));
            if (metric == TrendMetric.COMPLIANCE) {
                long[] counts = compliance.computeIfAbsent(key, k -> new long[2]);
                for (int m = 0; m < METRICS.length; m++) {
                    if ("MET".equals(rs.getString(size + 2 + 2 * m))) {
                        counts[0]++;
                    } else if (rs.getBoolean(size + 3 + 2 * m)) {
                        counts[1]++;
                    }
                }
                values.computeIfAbsent(key, k -> new Samples());
            } else {
                values.computeIfAbsent(key, k -> new Samples()).add(rs.getLong(size + 2));
            }
        });
        return values.entrySet().stream().map(e -> {
            LocalDate period = LocalDate.parse(e.getKey().get(0));
            String groupValue = e.getKey().size() > 1 ? e.getKey().get(1) : null;
            if (metric == TrendMetric.COMPLIANCE) {
                long[] c = compliance.get(e.getKey());
                SlaReport.Compliance share = SlaReport.Compliance.of(c[0], c[1]);
                return new TrendPoint(period, groupValue, c[0] + c[1], null, null, null, c[0], c[1], share.percent());
            }
            long[] sorted = e.getValue().sorted();
            SlaReport.Times times = SlaReport.Times.of(sorted.length, Arrays.stream(sorted).sum(), sorted);
            return new TrendPoint(period, groupValue, sorted.length, times.averageSeconds(), times.medianSeconds(),
                    times.p90Seconds(), null, null, null);
        }).toList();
    }

    static String where(ReportScope scope) {
        StringBuilder where = new StringBuilder(" where r.received_at >= :from and r.received_at < :to");
        scope.filters().keySet().forEach(d -> where.append(" and ").append(d.column()).append(" = :f_")
                .append(d.label()));
        return where.toString();
    }

    static MapSqlParameterSource parameters(ReportScope scope) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("from", Utc.of(scope.from())).addValue("to", Utc.of(scope.to()));
        scope.filters().forEach((d, value) -> parameters.addValue("f_" + d.label(), value));
        return parameters;
    }

    static String groupColumns(List<Dimension> dimensions) {
        return dimensions.stream().map(Dimension::column).collect(Collectors.joining(", "));
    }

    static List<String> groupOf(ResultSet rs, int size) throws SQLException {
        List<String> group = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            group.add(rs.getString(i));
        }
        return group;
    }

    /** Groups in order of their values, a missing value last. */
    static final Comparator<List<String>> GROUP_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    /** A growing list of longs, sorted once when read. */
    static final class Samples {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        long[] sorted() {
            return Percentiles.sorted(values, size);
        }
    }
}
