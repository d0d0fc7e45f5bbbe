package com.sladesk.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.sladesk.request.InvalidRequestException;

/**
 * Which requests a report covers: those received in [from, to), optionally only those with given values of
 * some dimensions, grouped by up to two dimensions.
 */
public record ReportScope(Instant from, Instant to, List<Dimension> groupBy, Map<Dimension, String> filters) {

    /** Longest range a report may cover; beyond this a query would read years of rows. */
    static final int MAX_DAYS = 400;
    private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    public ReportScope {
        groupBy = List.copyOf(groupBy);
        filters = Map.copyOf(filters);
    }

    /**
     * Reads the query parameters: {@code from} and {@code to} as dates in the report zone ({@code to} inclusive)
     * or as instants with an offset ({@code to} exclusive); the last 30 days when absent.
     */
    static ReportScope parse(String from, String to, String groupBy, int maxGroups, Map<Dimension, String> filters,
            ZoneId zone, Instant now) {
        Instant end = to == null || to.isBlank() ? LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone)
                .toInstant() : instant("to", to, zone, true);
        Instant start = from == null || from.isBlank() ? end.minus(java.time.Duration.ofDays(30))
                : instant("from", from, zone, false);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before 'to'");
        }
        if (java.time.Duration.between(start, end).toDays() > MAX_DAYS) {
            throw new InvalidRequestException("to", "a report covers at most " + MAX_DAYS + " days");
        }
        List<Dimension> dimensions = new ArrayList<>();
        if (groupBy != null && !groupBy.isBlank()) {
            Arrays.stream(groupBy.split(",")).map(value -> Dimension.parse("groupBy", value)).forEach(dimensions::add);
        }
        if (dimensions.size() > maxGroups || dimensions.stream().distinct().count() != dimensions.size()) {
            throw new InvalidRequestException("groupBy", "name at most " + maxGroups
                    + " different dimension(s) of channel, category, team, tier, priority, agent");
        }
        return new ReportScope(start, end, dimensions, filters);
    }

    /** Filters from request parameters named after dimensions (team=tech-support); blank ones are ignored. */
    static Map<Dimension, String> filters(Map<String, String> parameters) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            String value = parameters.get(dimension.label());
            if (value != null && !value.isBlank()) {
                if (value.length() > 100) {
                    throw new InvalidRequestException(dimension.label(), "must be at most 100 characters");
                }
                filters.put(dimension, value.trim());
            }
        }
        return filters;
    }

    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                if (day.getYear() < 1970 || day.getYear() > 9998) {
                    throw new InvalidRequestException(field, "must lie between the years 1970 and 9999");
                }
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw new InvalidRequestException(field, "must lie between the years 1970 and 9999");
            }
            return instant;
        } catch (DateTimeException e) {
            throw new InvalidRequestException(field, "'" + value
                    + "' is neither a date (2026-11-01) nor an instant with offset (2026-11-01T00:00:00+08:00)");
        }
    }
}
