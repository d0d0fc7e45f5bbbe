package com.sladesk.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The SLA report: per group of requests received in the period, how many there were, how many clocks met
 * their target, first response and resolution times in business time, breaches and escalations.
 */
public record SlaReport(Instant from, Instant to, List<String> groupBy, List<Row> rows, Row total) {

    /**
     * One group's figures; {@code group} maps each grouping dimension to its value (null: none). Breaches and
     * escalations count every clock, the acknowledgement and follow-up ones too.
     */
    public record Row(Map<String, String> group, long requests, Compliance firstResponse, Compliance expertResponse,
            Compliance resolution, Times firstResponseTime, Times timeToResolution, long breaches,
            long breachedRequests, Map<Integer, Long> escalationsByLevel, long openBreached,
            Compliance acknowledgement, Compliance followUp, Times acknowledgementTime, Times followUpTime) {
    }

    /**
     * Clocks met within target ({@code met}) among those stopped or breached ({@code met + breached});
     * {@code percent} is null when there is none.
     */
    public record Compliance(long met, long breached, Double percent) {

        static Compliance of(long met, long breached) {
            long measured = met + breached;
            return new Compliance(met, breached, measured == 0 ? null : Math.round(1000.0 * met / measured) / 10.0);
        }
    }

    /** Business seconds from start to stop of the stopped clocks of one metric. */
    public record Times(long count, Double averageSeconds, Double medianSeconds, Double p90Seconds) {

        static Times of(long count, long sumSeconds, long[] sorted) {
            return of(count, sumSeconds, List.of(sorted));
        }

        /** The times of sorted runs taken together (months of a report). */
        static Times of(long count, long sumSeconds, List<long[]> sortedRuns) {
            return new Times(count, count == 0 ? null : Math.round(10.0 * sumSeconds / count) / 10.0,
                    Percentiles.ofRuns(sortedRuns, 0.5), Percentiles.ofRuns(sortedRuns, 0.9));
        }
    }
}
