package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What report_month holds comes back as it was written; a row that cannot be read is computed again. */
class ReportFiguresCodecTest {

    @Test
    void aMonthsSlaFiguresComeBackWithAMissingGroupValueAndExtremeSeconds() {
        List<String> missing = Arrays.asList("tech-support", null);
        SlaReports.Sums sums = new SlaReports.Sums(7, 3, 1, new SlaReports.ClockSums(4, 3, 7, 99),
                SlaReports.ClockSums.NONE, new SlaReports.ClockSums(1, 2, 3, Long.MAX_VALUE),
                new SlaReports.ClockSums(0, 0, 0, -5), SlaReports.ClockSums.NONE, List.of(3L, 2L, 0L, 0L, 1L));
        long[][] seconds = {{Long.MIN_VALUE, -1, 0, 0, Long.MAX_VALUE}, {}, {5}, {1, 2, 300_000}};
        SlaReports.MonthFigures figures = new SlaReports.MonthFigures(Map.of(missing, sums), Map.of(missing, seconds));

        SlaReports.MonthFigures read = ReportSegments.decode(ReportSegments.encode(figures,
                SlaReports.MonthFigures.CODEC), SlaReports.MonthFigures.CODEC);

        assertThat(read.sums()).isEqualTo(figures.sums());
        assertThat(read.seconds()).containsOnlyKeys(missing);
        assertThat(read.seconds().get(missing)).isDeepEqualTo(seconds);
    }

    @Test
    void secondsComeBackWithTheirGroupWhereverItIsAmongTheSums() {
        Map<List<String>, SlaReports.Sums> sums = new LinkedHashMap<>();
        List<List<String>> groups = List.of(List.of("a", "EMAIL"), List.of("b", "PHONE"), List.of("c", "WEB"));
        for (List<String> group : groups) {
            sums.put(group, new SlaReports.Sums(group.get(0).charAt(0), 0, 0, SlaReports.ClockSums.NONE,
                    SlaReports.ClockSums.NONE, SlaReports.ClockSums.NONE, SlaReports.ClockSums.NONE,
                    SlaReports.ClockSums.NONE, List.of(0L, 0L, 0L, 0L, 0L)));
        }
        long[][] third = {{1, 2}, {}, {}, {7}};
        long[][] elsewhere = {{}, {3}, {}, {}};
        Map<List<String>, long[][]> seconds = Map.of(groups.get(2), third, List.of("d", "APP"), elsewhere);

        SlaReports.MonthFigures read = ReportSegments.decode(ReportSegments.encode(
                new SlaReports.MonthFigures(sums, seconds), SlaReports.MonthFigures.CODEC),
                SlaReports.MonthFigures.CODEC);

        assertThat(read.sums()).isEqualTo(sums);
        assertThat(read.seconds()).containsOnlyKeys(groups.get(2), List.of("d", "APP"));
        assertThat(read.seconds().get(groups.get(2))).isDeepEqualTo(third);
        assertThat(read.seconds().get(List.of("d", "APP"))).isDeepEqualTo(elsewhere);
    }

    @Test
    void aMonthsBreachCausesComeBackWithAClockWithoutStopOrReason() {
        Map<BreachCauses.Cause, Long> split = new EnumMap<>(BreachCauses.Cause.class);
        for (BreachCauses.Cause cause : BreachCauses.Cause.values()) {
            split.put(cause, (long) cause.ordinal() * 60);
        }
        BreachCauses.Breach breach = new BreachCauses.Breach("SR-000042", null, "FAULT", "RESOLUTION",
                Instant.parse("2024-01-05T03:00:00.123Z"), null, BreachCauses.Cause.EXPERTS, split, null);
        long[] sum = new long[1 + 2 * BreachCauses.Cause.values().length];
        Arrays.setAll(sum, i -> i * 11L);
        BreachCauses.MonthCauses causes = new BreachCauses.MonthCauses(Map.of(Arrays.asList(null, "FAULT"), sum),
                List.of(breach));

        BreachCauses.MonthCauses read = ReportSegments.decode(ReportSegments.encode(causes,
                BreachCauses.MonthCauses.CODEC), BreachCauses.MonthCauses.CODEC);

        assertThat(read.latest()).containsExactly(breach);
        assertThat(read.sums()).containsOnlyKeys(Arrays.asList(null, "FAULT"));
        assertThat(read.sums().get(Arrays.asList(null, "FAULT"))).containsExactly(sum);
    }

    @Test
    void aRowWithAnImpossibleCountOrBytesLeftOverIsNotUsed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Integer.MAX_VALUE);
        out.writeLong(1);
        byte[] whole = ReportSegments.encode(new SlaReports.MonthFigures(Map.of(), Map.of()),
                SlaReports.MonthFigures.CODEC);

        assertThat(ReportSegments.decode(bytes.toByteArray(), SlaReports.MonthFigures.CODEC)).isNull();
        assertThat(ReportSegments.decode(Arrays.copyOf(whole, whole.length + 1), SlaReports.MonthFigures.CODEC))
                .isNull();
        assertThat(ReportSegments.decode(whole, SlaReports.MonthFigures.CODEC)).isNotNull();
    }
}
