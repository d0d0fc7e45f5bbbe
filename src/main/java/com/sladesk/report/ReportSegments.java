package com.sladesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A report's period cut at the first of each month (in the report zone), and what each month came to, kept in
 * memory while that month's rows of {@code request_report} stay the same. A month's stamp is its row count, the
 * sum of its request ids and the sum of its rows' revisions (each rewrite of a row adds one; ReportRows): any
 * row written, rewritten or removed changes it. The stamp is read before the figures, so a row committed in
 * between only makes the next report read the month again. Each node keeps its own; nothing is shared.
 */
public final class ReportSegments {

    /** What a month came to, and whether it may be kept (not if it depends on the current instant). */
    public record Figures<T>(T value, long weight, boolean keep) {
    }

    private record Stamp(long rows, long ids, long revisions) {
    }

    private record Key(String kind, Instant from, Instant to, List<Dimension> groupBy,
            Map<Dimension, String> filters) {
    }

    private record Kept(Stamp stamp, Object value, long weight) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final long maxWeight;
    private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    /** {@code maxWeight}: how much to keep, in the figures' own unit (report values: one per sample). */
    public ReportSegments(NamedParameterJdbcTemplate jdbc, ZoneId zone, long maxWeight) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.maxWeight = maxWeight;
    }

    /** The scope's period cut at the first of each month in the report zone, in order. */
    List<ReportScope> months(ReportScope scope) {
        List<ReportScope> months = new ArrayList<>();
        Instant from = scope.from();
        while (from.isBefore(scope.to())) {
            Instant next = LocalDate.ofInstant(from, zone).withDayOfMonth(1).plusMonths(1).atStartOfDay(zone)
                    .toInstant();
            Instant to = next.isBefore(scope.to()) ? next : scope.to();
            months.add(new ReportScope(from, to, scope.groupBy(), scope.filters()));
            from = to;
        }
        return months;
    }

    /** The month's figures of this kind: kept ones if its rows did not change since, else computed. */
    @SuppressWarnings("unchecked")
    <T> T of(String kind, ReportScope month, Supplier<Figures<T>> compute) {
        Key key = new Key(kind, month.from(), month.to(), month.groupBy(), month.filters());
        Stamp stamp = stamp(month);
        synchronized (this) {
            Kept hit = kept.get(key);
            if (hit != null && hit.stamp().equals(stamp)) {
                return (T) hit.value();
            }
        }
        Figures<T> figures = compute.get();
        if (figures.keep() && figures.weight() <= maxWeight) {
            keep(key, new Kept(stamp, figures.value(), figures.weight()));
        }
        return figures.value();
    }

    private synchronized void keep(Key key, Kept figures) {
        Kept before = kept.put(key, figures);
        weight += figures.weight() - (before == null ? 0 : before.weight());
        Iterator<Kept> eldest = kept.values().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            Kept dropped = eldest.next();
            if (dropped != figures) {
                weight -= dropped.weight();
                eldest.remove();
            }
        }
    }

    /** Reads the index on (received_at, revision, request_id) only. */
    private Stamp stamp(ReportScope month) {
        return jdbc.queryForObject("select count(*), coalesce(sum(request_id), 0), coalesce(sum(revision), 0)"
                + " from request_report where received_at >= :from and received_at < :to",
                new MapSqlParameterSource("from", Utc.of(month.from())).addValue("to", Utc.of(month.to())),
                (rs, row) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
    }
}
