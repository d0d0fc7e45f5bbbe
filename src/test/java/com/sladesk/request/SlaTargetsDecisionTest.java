package com.sladesk.request;

import static com.sladesk.process.ServiceRequestProcess.DECISION_SLA_TARGETS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sladesk.process.ServiceRequestProcess.Var;

class SlaTargetsDecisionTest {

    private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = SlaTargetsDecisionTest.class.getResourceAsStream("/decisions/sla-targets.dmn")) {
            decision = DMN_ENGINE.parseDecision(DECISION_SLA_TARGETS, dmn);
        }
    }

    @Test
    void vipUrgentFaultGetsFirstResponseInFifteenMinutesAndAnExpertInFive() {
        // given
        var request = request("VIP", "URGENT", "FAULT", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT15M", "PT4H", "PT5M"));
    }

    @Test
    void goldUrgentRequestGetsFirstResponseAndAnExpertInThirtyMinutes() {
        // given
        var request = request("GOLD", "URGENT", "FAULT", "WEB");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT30M", "PT8H", "PT30M"));
    }

    @Test
    void standardUrgentRequestGetsFirstResponseInOneHour() {
        // given
        var request = request("STANDARD", "URGENT", "FAULT", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT1H", "PT12H"));
    }

    @Test
    void vipHighRequestIsResolvedWithinTwelveHours() {
        // given
        var request = request("VIP", "HIGH", "FAULT", "APP");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT1H", "PT12H"));
    }

    @Test
    void standardHighRequestGetsFirstResponseInTwoHours() {
        // given
        var request = request("STANDARD", "HIGH", "COMPLAINT", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT2H", "PT24H"));
    }

    @Test
    void standardInquiryGetsFirstResponseInOneHourAndResolutionInADay() {
        // given
        var request = request("STANDARD", "NORMAL", "INQUIRY", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT1H", "PT24H"));
    }

    @Test
    void urgentStandardInquiryKeepsUrgentTargets() {
        // given
        var request = request("STANDARD", "URGENT", "INQUIRY", "WEB");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT1H", "PT12H"));
    }

    @Test
    void vipNormalRequestIsResolvedWithinTwoDays() {
        // given
        var request = request("VIP", "NORMAL", "INQUIRY", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT2H", "P2D"));
    }

    @Test
    void standardEmailIsAnsweredWithinFourHours() {
        // given
        var request = request("STANDARD", "NORMAL", "BILLING", "EMAIL");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT4H", "P3D"));
    }

    @Test
    void goldLowPriorityRequestIsAnsweredWithinFourHours() {
        // given
        var request = request("GOLD", "LOW", "RETURN", "WECHAT");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT4H", "P3D"));
    }

    @Test
    void standardLowPriorityWebRequestIsAnsweredWithinEightHours() {
        // given
        var request = request("STANDARD", "LOW", "RETURN", "WEB");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT8H", "P5D"));
    }

    @Test
    void phoneIsAnsweredWithinFiveMinutes() {
        // given
        var request = request("STANDARD", "NORMAL", "BILLING", "PHONE");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT5M", "P3D"));
    }

    @Test
    void chatIsAnsweredWithinFiveMinutesAndKeepsTheVipResolutionTarget() {
        // given
        var request = request("VIP", "URGENT", "FAULT", "CHAT");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT5M", "PT4H", "PT5M"));
    }

    @Test
    void phoneInquiryIsAnsweredWithinFiveMinutesAndResolvedWithinADay() {
        // given
        var request = request("STANDARD", "LOW", "INQUIRY", "PHONE");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT5M", "PT24H"));
    }

    @Test
    void unknownTierGetsDefaultTargets() {
        // given
        var request = request("PLATINUM", "URGENT", "FAULT", "API");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT4H", "P3D"));
    }

    @Test
    void unknownTierOnThePhoneIsStillAnsweredWithinFiveMinutes() {
        // given
        var request = request("PLATINUM", "URGENT", "FAULT", "PHONE");

        // when
        Map<String, Object> targets = targetsFor(request);

        // then
        assertThat(targets).isEqualTo(targets("PT5M", "P3D"));
    }

    private static VariableMap request(String customerTier, String priority,
            String category, String channel) {
        return Variables.createVariables()
                .putValue(Var.CUSTOMER_TIER, customerTier)
                .putValue(Var.PRIORITY, priority)
                .putValue(Var.CATEGORY, category)
                .putValue(Var.CHANNEL, channel);
    }

    private static Map<String, Object> targetsFor(VariableMap request) {
        return DMN_ENGINE.evaluateDecision(decision, request).getSingleResult().getEntryMap();
    }

    /** Only VIP urgent requests get an expert sooner than in 30 minutes. */
    private static Map<String, Object> targets(String firstResponse, String resolution) {
        return targets(firstResponse, resolution, "PT30M");
    }

    /**
     * Every row warns at 75 % of the target and counts on the 24x7 calendar; the acknowledgement is due in 30
     * seconds and the follow-up in 24 hours.
     */
    private static Map<String, Object> targets(String firstResponse, String resolution, String expertResponse) {
        return Map.of(
                Var.FIRST_RESPONSE_TARGET, firstResponse,
                Var.RESOLUTION_TARGET, resolution,
                Var.EXPERT_RESPONSE_TARGET, expertResponse,
                Var.WARNING_PERCENT, 75,
                Var.CALENDAR, "24x7",
                Var.ACKNOWLEDGEMENT_TARGET, "PT30S",
                Var.FOLLOW_UP_TARGET, "PT24H");
    }
}
