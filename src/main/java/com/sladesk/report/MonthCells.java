package com.sladesk.report;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A month's requests grouped by every dimension at once (its cells), for the SLA report: each cell's sums, and
 * for each timed clock the month's business seconds in one sorted run, each value with its cell. A grouping adds
 * up its cells' sums and deals the seconds out to its groups in order, so each group's run comes out sorted
 * without sorting it again.
 */
record MonthCells(List<List<String>> cells, List<SlaReports.Sums> sums, long[][] seconds, int[][] cellOf) {

    /** At most this many timed clocks in a stored month: a larger number is a corrupt row. */
    private static final int MAX_CLOCKS = 16;

    static final ReportSegments.Codec<MonthCells> CODEC = new ReportSegments.Codec<>() {
        @Override
        public void write(MonthCells month, DataOutputStream out) throws IOException {
            out.writeInt(month.cells().size());
            for (int cell = 0; cell < month.cells().size(); cell++) {
                FiguresCodec.writeGroup(out, month.cells().get(cell));
                SlaReports.Sums sums = month.sums().get(cell);
                out.writeBoolean(sums != null);
                if (sums != null) {
                    sums.write(out);
                }
            }
            out.writeInt(month.seconds().length);
            for (int clock = 0; clock < month.seconds().length; clock++) {
                FiguresCodec.writeSorted(out, month.seconds()[clock]);
                for (int cell : month.cellOf()[clock]) {
                    FiguresCodec.writeSmall(out, cell);
                }
            }
        }

        @Override
        public MonthCells read(DataInputStream in) throws IOException {
            int count = FiguresCodec.count(in);
            List<List<String>> cells = new ArrayList<>(count);
            List<SlaReports.Sums> sums = new ArrayList<>(count);
            for (int cell = 0; cell < count; cell++) {
                List<String> values = FiguresCodec.readGroup(in);
                if (values.size() != Dimension.values().length) {
                    throw new IOException("a cell of " + values.size() + " values");
                }
                cells.add(values);
                sums.add(in.readBoolean() ? SlaReports.Sums.read(in) : null);
            }
            int clocks = in.readInt();
            if (clocks < 0 || clocks > MAX_CLOCKS) {
                throw new IOException(clocks + " clocks");
            }
            long[][] seconds = new long[clocks][];
            int[][] cellOf = new int[clocks][];
            for (int clock = 0; clock < clocks; clock++) {
                seconds[clock] = FiguresCodec.readSorted(in);
                cellOf[clock] = new int[seconds[clock].length];
                for (int i = 0; i < cellOf[clock].length; i++) {
                    long cell = FiguresCodec.readSmall(in);
                    if (cell < 0 || cell >= count) {
                        throw new IOException("no cell " + cell + " among " + count);
                    }
                    cellOf[clock][i] = (int) cell;
                }
            }
            return new MonthCells(cells, sums, seconds, cellOf);
        }
    };

    /** The cells of a month's figures grouped by every dimension: each clock's runs merged, a value with its cell. */
    static MonthCells of(SlaReports.MonthFigures byCell, int clocks) {
        List<List<String>> cells = new ArrayList<>(byCell.sums().keySet());
        byCell.seconds().keySet().stream().filter(cell -> !byCell.sums().containsKey(cell)).forEach(cells::add);
        List<SlaReports.Sums> sums = cells.stream().map(cell -> byCell.sums().get(cell)).toList();
        long[][] seconds = new long[clocks][];
        int[][] cellOf = new int[clocks][];
        for (int clock = 0; clock < clocks; clock++) {
            long[][] runs = new long[cells.size()][];
            int total = 0;
            for (int cell = 0; cell < cells.size(); cell++) {
                long[][] sorted = byCell.seconds().get(cells.get(cell));
                runs[cell] = sorted == null ? new long[0] : sorted[clock];
                total += runs[cell].length;
            }
            seconds[clock] = new long[total];
            cellOf[clock] = new int[total];
            merge(runs, seconds[clock], cellOf[clock]);
        }
        return new MonthCells(cells, sums, seconds, cellOf);
    }

    /** The sorted runs merged into {@code values}, with the run each value came from. */
    private static void merge(long[][] runs, long[] values, int[] from) {
        int[] next = new int[runs.length];
        PriorityQueue<Integer> heads = new PriorityQueue<>(Math.max(1, runs.length),
                Comparator.comparingLong(run -> runs[run][next[run]]));
        for (int run = 0; run < runs.length; run++) {
            if (runs[run].length > 0) {
                heads.add(run);
            }
        }
        for (int i = 0; !heads.isEmpty(); i++) {
            int run = heads.poll();
            values[i] = runs[run][next[run]];
            from[i] = run;
            if (++next[run] < runs[run].length) {
                heads.add(run);
            }
        }
    }

    /** The month's figures by the grouping: the cells' sums added up, each group's seconds taken out in order. */
    SlaReports.MonthFigures grouped(List<Dimension> groupBy) {
        Map<List<String>, Integer> slots = new LinkedHashMap<>();
        int[] slotOf = new int[cells.size()];
        Map<List<String>, SlaReports.Sums> grouped = new LinkedHashMap<>();
        for (int cell = 0; cell < cells.size(); cell++) {
            List<String> group = SlaReports.groupOf(cells.get(cell), groupBy);
            slotOf[cell] = slots.computeIfAbsent(group, g -> slots.size());
            if (sums.get(cell) != null) {
                grouped.merge(group, sums.get(cell), SlaReports.Sums::plus);
            }
        }
        long[][][] bySlot = new long[slots.size()][seconds.length][];
        boolean[] timed = new boolean[slots.size()];
        for (int clock = 0; clock < seconds.length; clock++) {
            int[] sizes = new int[slots.size()];
            for (int cell : cellOf[clock]) {
                sizes[slotOf[cell]]++;
            }
            for (int slot = 0; slot < sizes.length; slot++) {
                bySlot[slot][clock] = new long[sizes[slot]];
                timed[slot] |= sizes[slot] > 0;
            }
            int[] filled = new int[slots.size()];
            for (int i = 0; i < seconds[clock].length; i++) {
                int slot = slotOf[cellOf[clock][i]];
                bySlot[slot][clock][filled[slot]++] = seconds[clock][i];
            }
        }
        Map<List<String>, long[][]> groupedSeconds = new HashMap<>();
        slots.forEach((group, slot) -> {
            if (timed[slot]) {
                groupedSeconds.put(group, bySlot[slot]);
            }
        });
        return new SlaReports.MonthFigures(grouped, groupedSeconds);
    }
}
