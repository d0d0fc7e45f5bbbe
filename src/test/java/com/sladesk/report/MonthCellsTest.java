package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** A month's cells, kept, give every grouping the figures the month's rows give it. */
class MonthCellsTest {

    private static final int CLOCKS = 4;

    @Test
    void everyGroupingOfTheCellsHasTheSumsAndSortedSecondsOfItsRequests() {
        Random random = new Random(5);
        Map<List<String>, SlaReports.Sums> sums = new LinkedHashMap<>();
        Map<List<String>, long[][]> seconds = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            List<String> cell = new ArrayList<>();
            for (Dimension dimension : Dimension.values()) {
                // a missing value (no agent yet) is a value of its own
                cell.add(random.nextInt(6) == 0 ? null : dimension.label() + random.nextInt(3));
            }
            long requests = 1 + random.nextInt(5);
            sums.merge(cell, new SlaReports.Sums(requests, random.nextInt(2), 0,
                    new SlaReports.ClockSums(random.nextInt(3), random.nextInt(3), requests, random.nextInt(9000)),
                    SlaReports.ClockSums.NONE, SlaReports.ClockSums.NONE, SlaReports.ClockSums.NONE,
                    SlaReports.ClockSums.NONE, List.of(requests, 0L, 0L, 0L, 0L)), SlaReports.Sums::plus);
            if (random.nextBoolean()) {
                long[][] runs = new long[CLOCKS][];
                for (int clock = 0; clock < CLOCKS; clock++) {
                    runs[clock] = random.longs(random.nextInt(6), 0, 5000).sorted().toArray();
                }
                seconds.put(cell, runs);
            }
        }
        SlaReports.MonthFigures byCell = new SlaReports.MonthFigures(sums, seconds);
        MonthCells cells = ReportSegments.decode(ReportSegments.encode(MonthCells.of(byCell, CLOCKS),
                MonthCells.CODEC), MonthCells.CODEC);

        for (Dimension first : Dimension.values()) {
            for (Dimension second : Dimension.values()) {
                List<Dimension> groupBy = first == second ? List.of(first) : List.of(first, second);
                SlaReports.MonthFigures grouped = cells.grouped(groupBy);

                Map<List<String>, SlaReports.Sums> expectedSums = new HashMap<>();
                sums.forEach((cell, sum) -> expectedSums.merge(SlaReports.groupOf(cell, groupBy), sum,
                        SlaReports.Sums::plus));
                assertThat(grouped.sums()).as("sums by %s", groupBy).isEqualTo(expectedSums);
                Map<List<String>, List<long[][]>> runs = new HashMap<>();
                seconds.forEach((cell, sorted) -> runs.computeIfAbsent(SlaReports.groupOf(cell, groupBy),
                        g -> new ArrayList<>()).add(sorted));
                assertThat(grouped.seconds()).as("groups with seconds by %s", groupBy).containsOnlyKeys(runs.keySet());
                runs.forEach((group, cellRuns) -> {
                    for (int clock = 0; clock < CLOCKS; clock++) {
                        int c = clock;
                        long[] expected = cellRuns.stream().flatMapToLong(run -> LongStream.of(run[c])).sorted()
                                .toArray();
                        assertThat(grouped.seconds().get(group)[clock]).as("%s clock %d", group, clock)
                                .containsExactly(expected);
                    }
                });
            }
        }
    }

    @Test
    void aRowNamingACellThatIsNotThereIsNotUsed() {
        MonthCells one = new MonthCells(List.of(Arrays.asList("a", null, "t", "VIP", "HIGH", "x")),
                Arrays.asList((SlaReports.Sums) null), new long[][] {{3, 4}}, new int[][] {{0, 1}});

        assertThat(ReportSegments.decode(ReportSegments.encode(one, MonthCells.CODEC), MonthCells.CODEC)).isNull();
    }

    @Test
    void aRowWhoseCellsDoNotHaveAValueForEveryDimensionIsNotUsed() {
        MonthCells shortCells = new MonthCells(List.of(List.of("a", "b")), Arrays.asList((SlaReports.Sums) null),
                new long[][] {{3}}, new int[][] {{0}});

        assertThat(ReportSegments.decode(ReportSegments.encode(shortCells, MonthCells.CODEC), MonthCells.CODEC))
                .isNull();
    }
}
