package com.sladesk.report;

import java.util.Arrays;

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

    static long[] sorted(long[] values, int size) {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
