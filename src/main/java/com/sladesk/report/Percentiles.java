package com.sladesk.report;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a sample, interpolated between the closest ranks (as SQL's PERCENTILE_CONT). */
public final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0..1) of values sorted ascending; null for an empty sample. */
    public static Double of(long[] sorted, double p) {
        if (sorted.length == 0) {
            return null;
        }
        double rank = p * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** Sorted runs merged into one sorted array. */
    static long[] sortedRuns(List<long[]> runs) {
        long[] all = new long[runs.stream().mapToInt(run -> run.length).sum()];
        int at = 0;
        for (long[] run : runs) {
            System.arraycopy(run, 0, all, at, run.length);
            at += run.length;
        }
        // Arrays.sort finds the runs and merges them
        Arrays.sort(all);
        return all;
    }

    static long[] sorted(long[] values, int size) {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
