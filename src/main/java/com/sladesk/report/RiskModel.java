package com.sladesk.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely a running clock is to breach, from what the desk knows now, and why in words. Two parts, the larger
 * counts:
 * <ul>
 * <li><b>History</b>: of the similar clocks that stopped in the history window (same metric, team, priority and
 * category; with fewer than {@link #MIN_SAMPLES}, the same team and priority, then the team, then the metric) and
 * that were still running after the business time this one has used, the share that took longer than its
 * target.</li>
 * <li><b>Queue</b> (a first response nobody claimed yet): the team's agents active in the last hour clear the
 * tasks due earlier at the median handling time (claim to first response) each, then this request takes a
 * handling time drawn from the history of the team's requests of its priority and category (coarser with too
 * few): the share of those handling times that no longer fit in the
 * time left. Once claimed: of the team's handling times longer than the time since the claim, the share longer
 * than that plus the time left.</li>
 * </ul>
 * Without any history the share of the budget used stands in. No model weights, nothing external.
 */
public final class RiskModel {

    static final int MIN_SAMPLES = 10;

    private final Map<List<String>, long[]> stopped;
    private final Map<List<String>, long[]> claimWaits;
    private final Map<List<String>, long[]> handling;

    /**
     * {@code stopped}: sorted business seconds of stopped clocks by [metric, team, priority, category];
     * {@code claimWaits} and {@code handling}: sorted business seconds from arrival to claim and from claim to first
     * response by [team, priority, category]. Each coarser key (its leading parts) is derived.
     */
    public RiskModel(Map<List<String>, long[]> stopped, Map<List<String>, long[]> claimWaits,
            Map<List<String>, long[]> handling) {
        this.stopped = withCoarserKeys(stopped);
        this.claimWaits = withCoarserKeys(claimWaits);
        this.handling = withCoarserKeys(handling);
    }

    /** The samples by their keys and by each key's leading parts, merged. */
    private static Map<List<String>, long[]> withCoarserKeys(Map<List<String>, long[]> finest) {
        Map<List<String>, long[]> all = new HashMap<>(finest);
        Map<List<String>, List<long[]>> coarser = new HashMap<>();
        finest.forEach((key, seconds) -> {
            for (int size = 1; size < key.size(); size++) {
                coarser.computeIfAbsent(key.subList(0, size), k -> new ArrayList<>()).add(seconds);
            }
        });
        coarser.forEach((key, runs) -> all.put(key, Percentiles.sortedRuns(runs)));
        return all;
    }

    /** The samples of the finest key with at least {@link #MIN_SAMPLES}, else of the coarsest; none: empty. */
    private static long[] finest(Map<List<String>, long[]> samples, List<String> key) {
        long[] found = new long[0];
        for (int size = key.size(); size >= 1; size--) {
            long[] seconds = samples.get(key.subList(0, size));
            if (seconds != null) {
                found = seconds;
                if (seconds.length >= MIN_SAMPLES) {
                    break;
                }
            }
        }
        return found;
    }

    /** The model of samples gathered unsorted (as {@link BreachRisks} reads them from the database). */
    static RiskModel fromSamples(Map<List<String>, SlaReports.Samples> stopped,
            Map<List<String>, SlaReports.Samples> claimWaits, Map<List<String>, SlaReports.Samples> handling) {
        return new RiskModel(sorted(stopped), sorted(claimWaits), sorted(handling));
    }

    private static <K> Map<K, long[]> sorted(Map<K, SlaReports.Samples> samples) {
        Map<K, long[]> sorted = new HashMap<>();
        samples.forEach((key, values) -> sorted.put(key, values.sorted()));
        return sorted;
    }

    /** A running clock as it stands now; durations in business seconds. */
    public record Clock(String metric, String team, String priority, String category, long elapsed, long target,
            boolean claimed, long sinceClaim, int tasksDueEarlier, int activeAgents) {

        long left() {
            return Math.max(0, target - elapsed);
        }
    }

    /** The estimate: a probability in [0, 1] and the reason in words. */
    public record Risk(double probability, String reason) {
    }

    public Risk of(Clock clock) {
        long left = clock.left();
        Share history = history(clock);
        String leftWords = words(left) + " left";
        Risk fromHistory = history == null
                ? new Risk(clock.target() == 0 ? 1 : Math.min(1, (double) clock.elapsed() / clock.target()),
                        "no history of similar clocks yet, " + percent((double) clock.elapsed() / clock.target())
                                + " of the target used")
                : new Risk(history.probability(), history.words(clock));
        if (!"FIRST_RESPONSE".equals(clock.metric())) {
            return new Risk(round(fromHistory.probability()), fromHistory.reason() + ", " + leftWords);
        }
        List<String> team = Arrays.asList(clock.team(), clock.priority(), clock.category());
        long[] handled = finest(handling, team);
        if (handled.length < MIN_SAMPLES) {
            return new Risk(round(fromHistory.probability()), fromHistory.reason() + ", " + leftWords);
        }
        double queue;
        String queueWords;
        if (clock.claimed()) {
            queue = conditional(handled, clock.sinceClaim(), clock.sinceClaim() + left);
            queueWords = "claimed " + words(clock.sinceClaim()) + " ago, median handling "
                    + words(median(handled));
        } else {
            long median = median(handled);
            long clearing = clock.tasksDueEarlier() * median / Math.max(1, clock.activeAgents());
            long room = left - clearing;
            queue = room <= 0 ? 1 : (double) countAbove(handled, room) / handled.length;
            long[] waits = finest(claimWaits, team);
            queueWords = clock.tasksDueEarlier() + " tasks due earlier in " + clock.team() + ", "
                    + (clock.activeAgents() == 0 ? "no agent" : clock.activeAgents() + (clock.activeAgents() == 1
                            ? " agent" : " agents")) + " active in the last hour"
                    + (waits.length == 0 ? "" : ", median claim time " + words(median(waits)))
                    + ", median handling " + words(median);
        }
        if (Double.isNaN(queue)) {
            return new Risk(round(fromHistory.probability()), fromHistory.reason() + ", " + leftWords);
        }
        double probability = Math.max(queue, fromHistory.probability());
        return new Risk(round(probability), queueWords + ", " + leftWords + "; " + fromHistory.reason());
    }

    /** Among the finest key's similar clocks still running after this one's elapsed time, the share that breached. */
    private Share history(Clock clock) {
        List<String> key = Arrays.asList(clock.metric(), clock.team(), clock.priority(), clock.category());
        for (int size = 4; size >= 1; size--) {
            long[] seconds = stopped.get(key.subList(0, size));
            if (seconds == null) {
                continue;
            }
            int still = countAbove(seconds, clock.elapsed());
            if (still >= MIN_SAMPLES || size == 1 && seconds.length >= MIN_SAMPLES) {
                int late = countAbove(seconds, clock.target());
                return new Share(still == 0 ? 1 : (double) Math.min(late, still) / still, Math.min(late, still), still,
                        seconds.length, size);
            }
        }
        return null;
    }

    private record Share(double probability, int late, int still, int all, int keySize) {

        String words(Clock clock) {
            String similar = switch (keySize) {
                case 4 -> clock.team() + ", " + clock.priority() + ", " + clock.category();
                case 3 -> clock.team() + ", " + clock.priority();
                case 2 -> String.valueOf(clock.team());
                default -> "all teams";
            };
            String metric = clock.metric().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (still == 0) {
                return "no similar " + metric + " clock (" + similar + ", " + all + " in the history) ran longer than "
                        + RiskModel.words(clock.elapsed());
            }
            return late + " of " + still + " similar " + metric + " clocks (" + similar + ") still running after "
                    + RiskModel.words(clock.elapsed()) + " took longer than " + RiskModel.words(clock.target());
        }
    }

    /** Of the sorted samples above {@code after}, the share above {@code beyond}; NaN with too few. */
    static double conditional(long[] sorted, long after, long beyond) {
        int still = countAbove(sorted, after);
        if (still < MIN_SAMPLES) {
            return still == 0 && sorted.length >= MIN_SAMPLES ? 1 : Double.NaN;
        }
        return (double) countAbove(sorted, beyond) / still;
    }

    /** How many of the sorted values are greater than {@code value}. */
    static int countAbove(long[] sorted, long value) {
        return sorted.length - Percentiles.atMost(sorted, value);
    }

    private static long median(long[] sorted) {
        return Math.round(Percentiles.of(sorted, 0.5));
    }

    private static double round(double probability) {
        return Math.round(Math.max(0, Math.min(1, probability)) * 100) / 100.0;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    static String words(long seconds) {
        return HumanDuration.of(Duration.ofSeconds(Math.max(0, seconds)));
    }
}
