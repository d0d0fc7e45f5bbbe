package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Breach risks worked out by hand from small histories. */
class RiskModelTest {

    /** 1 h, 2 h, ..., 20 h. */
    static final long[] HOURS = LongStream.rangeClosed(1, 20).map(h -> h * 3600).toArray();
    static final List<String> TEAM = List.of("tech-support", "URGENT", "FAULT");
    /** 1 min, 2 min, ..., 20 min. */
    static final long[] MINUTES = LongStream.rangeClosed(1, 20).map(m -> m * 60).toArray();

    @Test
    void aResolutionClockBreachesAsOftenAsTheSimilarOnesThatRanAsLongDid() {
        RiskModel model = new RiskModel(Map.of(List.of("RESOLUTION", "tech-support", "URGENT", "FAULT"), HOURS),
                Map.of(), Map.of());

        // 5 h used of 12: of the 15 that ran longer than 5 h (6..20 h), 8 took longer than 12 h (13..20 h)
        RiskModel.Risk risk = model.of(new RiskModel.Clock("RESOLUTION", "tech-support", "URGENT", "FAULT", 5 * 3600,
                12 * 3600, false, 0, 0, 0));

        assertThat(risk.probability()).isEqualTo(0.53);
        assertThat(risk.reason()).isEqualTo("8 of 15 similar resolution clocks (tech-support, URGENT, FAULT) still "
                + "running after 5 h took longer than 12 h, 7 h left");
    }

    @Test
    void withTooFewSimilarClocksTheTeamAndPriorityAnswer() {
        // 5 of the category (too few), 20 more of another category of the same team and priority
        RiskModel model = new RiskModel(Map.of(
                List.of("RESOLUTION", "tech-support", "URGENT", "FAULT"), new long[] {3600, 7200, 10800, 14400, 18000},
                List.of("RESOLUTION", "tech-support", "URGENT", "INSTALLATION"), HOURS), Map.of(), Map.of());

        // 25 together; 2 h used of 4: those longer than 2 h are 3, 4, 5 h and 3..20 h (21), longer than 4 h 5 h and
        // 5..20 h (17)
        RiskModel.Risk risk = model.of(new RiskModel.Clock("RESOLUTION", "tech-support", "URGENT", "FAULT", 7200,
                14400, false, 0, 0, 0));

        assertThat(risk.probability()).isEqualTo(0.81);
        assertThat(risk.reason()).startsWith("17 of 21 similar resolution clocks (tech-support, URGENT) still running");
    }

    @Test
    void aFirstResponseBehindAQueueTheAgentsCannotClearInTimeIsCertainToBreach() {
        // handling 1..20 min (median 10 min 30 s), claims after 1..20 min
        RiskModel model = new RiskModel(Map.of(List.of("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT"), MINUTES),
                Map.of(TEAM, MINUTES), Map.of(TEAM, MINUTES));

        // 3 min used of 15; 7 tasks due earlier for 2 agents: 7 x 10.5 / 2 = 36 min 45 s to clear, 12 min left
        RiskModel.Risk risk = model.of(new RiskModel.Clock("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT", 180,
                900, false, 0, 7, 2));

        assertThat(risk.probability()).isEqualTo(1.0);
        assertThat(risk.reason()).startsWith("7 tasks due earlier in tech-support, 2 agents active in the last hour, "
                + "median claim time 10 min 30 s, median handling 10 min 30 s, 12 min left; ");
    }

    @Test
    void anEmptyQueueLeavesTheHandlingTimesThatNoLongerFit() {
        RiskModel model = new RiskModel(Map.of(List.of("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT"), MINUTES),
                Map.of(TEAM, MINUTES), Map.of(TEAM, MINUTES));

        // nothing due earlier: 12 min left, 8 of the 20 handling times (13..20 min) are longer; history alone says
        // 5 of the 17 that ran longer than 3 min (4..20) took longer than 15 min (16..20): 0.29; the larger counts
        RiskModel.Risk unclaimed = model.of(new RiskModel.Clock("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT",
                180, 900, false, 0, 0, 0));
        // claimed 5 min ago with 12 min left: of the 15 handling times longer than 5 min, 3 exceed 17 min
        RiskModel.Risk claimed = model.of(new RiskModel.Clock("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT",
                180, 900, true, 300, 0, 0));

        assertThat(unclaimed.probability()).isEqualTo(0.4);
        assertThat(unclaimed.reason()).contains("no agent active in the last hour").contains("5 of 17 similar first "
                + "response clocks (tech-support, URGENT, FAULT) still running after 3 min took longer than 15 min");
        assertThat(claimed.probability()).isEqualTo(0.29);
        assertThat(claimed.reason()).startsWith("claimed 5 min ago, median handling 10 min 30 s, 12 min left");
    }

    @Test
    void handlingTimesComeFromTheRequestsOfTheSamePriorityAndCategory() {
        // urgent faults are handled in 1..20 min, low-priority ones in 1..20 h
        RiskModel model = new RiskModel(Map.of(List.of("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT"), MINUTES),
                Map.of(TEAM, MINUTES), Map.of(TEAM, MINUTES, List.of("tech-support", "LOW", "FAULT"), HOURS));

        // 12 min left, nothing due earlier: 8 of the 20 urgent handling times are longer (the team's 40: 28)
        RiskModel.Risk risk = model.of(new RiskModel.Clock("FIRST_RESPONSE", "tech-support", "URGENT", "FAULT", 180,
                900, false, 0, 0, 0));

        assertThat(risk.probability()).isEqualTo(0.4);
        assertThat(risk.reason()).contains("median handling 10 min 30 s");
    }

    @Test
    void withoutHistoryTheShareOfTheBudgetUsedStandsIn() {
        RiskModel.Risk risk = new RiskModel(Map.of(), Map.of(), Map.of()).of(new RiskModel.Clock("EXPERT_RESPONSE",
                "experts", "HIGH", "FAULT", 600, 900, false, 0, 0, 0));

        assertThat(risk.probability()).isEqualTo(0.67);
        assertThat(risk.reason()).isEqualTo("no history of similar clocks yet, 67 % of the target used, 5 min left");
    }

    @Test
    void aClockRunningLongerThanAnySimilarOneIsCertainToBreach() {
        RiskModel model = new RiskModel(Map.of(List.of("RESOLUTION", "tech-support", "URGENT", "FAULT"), HOURS),
                Map.of(), Map.of());

        RiskModel.Risk risk = model.of(new RiskModel.Clock("RESOLUTION", "tech-support", "URGENT", "FAULT", 21 * 3600,
                24 * 3600, false, 0, 0, 0));

        assertThat(risk.probability()).isEqualTo(1.0);
        assertThat(risk.reason()).startsWith("no similar resolution clock (all teams, 20 in the history) ran longer "
                + "than 21 h");
    }
}
