package com.sladesk.request;

import static com.sladesk.process.ServiceRequestProcess.DECISION_ESCALATION;
import static com.sladesk.sla.SlaMetric.EXPERT_RESPONSE;
import static com.sladesk.sla.SlaMetric.FIRST_RESPONSE;
import static com.sladesk.sla.SlaMetric.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.sla.SlaMetric;

class EscalationDecisionTest {

    private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = EscalationDecisionTest.class.getResourceAsStream("/decisions/escalation.dmn")) {
            decision = DMN_ENGINE.parseDecision(DECISION_ESCALATION, dmn);
        }
    }

    @ParameterizedTest
    @EnumSource(SlaMetric.class)
    void vipUrgentBreachGoesToTeamLeadsWithNextLevelAfterThirtyMinutes(SlaMetric metric) {
        // given a breach of any target

        // when
        List<Map<String, Object>> escalation = escalationOf(metric, 1, "VIP", "URGENT");

        // then
        assertThat(escalation).containsExactly(nextLevelAfter("team-leads", "PT30M"));
    }

    @Test
    void standardBreachGoesToTeamLeadsWithNextLevelAfterTwoHours() {
        // given
        int level = 1;

        // when
        List<Map<String, Object>> escalation = escalationOf(RESOLUTION, level, "STANDARD", "NORMAL");

        // then
        assertThat(escalation).containsExactly(nextLevelAfter("team-leads", "PT2H"));
    }

    @Test
    void vipHighBreachWaitsTwoHoursForTheNextLevel() {
        // given
        String priority = "HIGH";

        // when
        List<Map<String, Object>> escalation = escalationOf(EXPERT_RESPONSE, 1, "VIP", priority);

        // then
        assertThat(escalation).containsExactly(nextLevelAfter("team-leads", "PT2H"));
    }

    @Test
    void vipUrgentSecondLevelGoesToManagersWithNextLevelAfterOneHour() {
        // given
        int level = 2;

        // when
        List<Map<String, Object>> escalation = escalationOf(FIRST_RESPONSE, level, "VIP", "URGENT");

        // then
        assertThat(escalation).containsExactly(nextLevelAfter("service-managers", "PT1H"));
    }

    @Test
    void standardSecondLevelGoesToManagersAndIsTheLast() {
        // given
        int level = 2;

        // when
        List<Map<String, Object>> escalation = escalationOf(RESOLUTION, level, "STANDARD", "URGENT");

        // then
        assertThat(escalation).containsExactly(lastLevel("service-managers"));
    }

    @Test
    void vipUrgentThirdLevelGoesToDirectorsAndIsTheLast() {
        // given
        int level = 3;

        // when
        List<Map<String, Object>> escalation = escalationOf(RESOLUTION, level, "VIP", "URGENT");

        // then
        assertThat(escalation).containsExactly(lastLevel("service-directors"));
    }

    @Test
    void standardRequestHasNoThirdLevel() {
        // given
        int level = 3;

        // when
        List<Map<String, Object>> escalation = escalationOf(RESOLUTION, level, "STANDARD", "NORMAL");

        // then
        assertThat(escalation).isEmpty();
    }

    @Test
    void vipUrgentRequestHasNoFourthLevel() {
        // given
        int level = 4;

        // when
        List<Map<String, Object>> escalation = escalationOf(FIRST_RESPONSE, level, "VIP", "URGENT");

        // then
        assertThat(escalation).isEmpty();
    }

    private static List<Map<String, Object>> escalationOf(SlaMetric metric, int level, String customerTier,
            String priority) {
        var variables = Variables.createVariables()
                .putValue(Var.METRIC, metric.name())
                .putValue(Var.LEVEL, level)
                .putValue(Var.CUSTOMER_TIER, customerTier)
                .putValue(Var.PRIORITY, priority);
        return DMN_ENGINE.evaluateDecision(decision, variables).getResultList();
    }

    private static Map<String, Object> nextLevelAfter(String notifyGroup, String nextLevelAfter) {
        return Map.of(
                Var.NOTIFY_GROUP, notifyGroup,
                Var.NEXT_LEVEL_AFTER, nextLevelAfter);
    }

    /** The last level leaves its next-level entry empty, so the result has no nextLevelAfter at all. */
    private static Map<String, Object> lastLevel(String notifyGroup) {
        return Map.of(Var.NOTIFY_GROUP, notifyGroup);
    }
}
