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

    /** The p-th percentile (0..1) of the values of sorted runs taken together, without merging them. */
    public static Double ofRuns(List<long[]> runs, double p) {
        long size = runs.stream().mapToLong(run -> run.length).sum();
        if (size == 0) {
            return null;
        }
        double rank = p * (size - 1);
        long below = (long) Math.floor(rank);
        long above = (long) Math.ceil(rank);
        long low = smallest(runs, below);
        long high = above == below ? low : smallest(runs, above);
        return low + (rank - below) * (high - low);
    }

    /** The k-th smallest value (from 0) of the runs: the least value with more than k values at or below it. */
    private static long smallest(List<long[]> runs, long k) {
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long[] run : runs) {
            if (run.length > 0) {
                low = Math.min(low, run[0]);
                high = Math.max(high, run[run.length - 1]);
            }
        }
        while (low < high) {
            long middle = Math.floorDiv(low, 2) + Math.floorDiv(high, 2) + (low & high & 1);
            long atMost = 0;
            for (long[] run : runs) {
                atMost += atMost(run, middle);
            }
            if (atMost > k) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** How many values of the sorted run are at most the value. */
    static int atMost(long[] run, long value) {
        int low = 0;
        int high = run.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (run[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
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
