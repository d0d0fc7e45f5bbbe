package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReportSegmentsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void aPeriodIsCutAtTheFirstOfEachMonthInTheReportZone() {
        ReportSegments segments = new ReportSegments(null, ZONE, 10);
        Instant from = LocalDate.of(2023, 12, 15).atStartOfDay(ZONE).toInstant();
        Instant to = Instant.parse("2024-02-10T03:00:00Z");

        List<ReportScope> months = segments.months(new ReportScope(from, to, List.of(Dimension.TEAM), Map.of()));

        assertThat(months).extracting(ReportScope::from).containsExactly(from,
                Instant.parse("2023-12-31T16:00:00Z"), Instant.parse("2024-01-31T16:00:00Z"));
        assertThat(months).extracting(ReportScope::to).containsExactly(Instant.parse("2023-12-31T16:00:00Z"),
                Instant.parse("2024-01-31T16:00:00Z"), to);
        assertThat(months).allSatisfy(month -> assertThat(month.groupBy()).containsExactly(Dimension.TEAM));
    }

    @Test
    void aPeriodWithinOneMonthIsOneSegment() {
        ReportSegments segments = new ReportSegments(null, ZONE, 10);
        Instant from = Instant.parse("2024-01-31T15:59:59Z");
        Instant to = Instant.parse("2024-01-31T16:00:00Z");

        assertThat(segments.months(new ReportScope(from, to, List.of(), Map.of()))).hasSize(1);
    }

    @Test
    void sortedRunsMergeIntoOneSortedArray() {
        assertThat(Percentiles.sortedRuns(List.of(new long[] {1, 5, 9}, new long[] {}, new long[] {2, 3, 10})))
                .containsExactly(1, 2, 3, 5, 9, 10);
    }

    @Test
    void percentilesOfSortedRunsAreThoseOfTheRunsMerged() {
        Random random = new Random(12);
        for (int trial = 0; trial < 200; trial++) {
            int range = trial % 2 == 0 ? 30 : 200_000;
            List<long[]> runs = new ArrayList<>();
            for (int run = random.nextInt(14); run >= 0; run--) {
                long[] values = new long[random.nextInt(40)];
                Arrays.setAll(values, i -> random.nextInt(range) - 5);
                Arrays.sort(values);
                runs.add(values);
            }
            if (trial == 0) {
                runs.addAll(List.of(new long[] {Long.MIN_VALUE, 0}, new long[] {Long.MAX_VALUE - 1, Long.MAX_VALUE}));
            }
            long[] merged = Percentiles.sortedRuns(runs);
            for (double p : new double[] {0, 0.5, 0.9, 1}) {
                assertThat(Percentiles.ofRuns(runs, p)).as("p %s of %s", p, Arrays.toString(merged))
                        .isEqualTo(Percentiles.of(merged, p));
            }
        }
    }
}
