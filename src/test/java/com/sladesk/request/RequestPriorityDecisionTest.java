package com.sladesk.request;

import static com.sladesk.process.ServiceRequestProcess.DECISION_PRIORITY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sladesk.process.ServiceRequestProcess.Var;

class RequestPriorityDecisionTest {

    private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = RequestPriorityDecisionTest.class.getResourceAsStream("/decisions/request-priority.dmn")) {
            decision = DMN_ENGINE.parseDecision(DECISION_PRIORITY, dmn);
        }
    }

    @Test
    void englishOutageKeywordMakesRequestUrgent() {
        // given
        String subject = "Customer portal DOWN since 9:00";

        // when
        String priority = priorityOf("INQUIRY", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void outageKeywordInDescriptionMakesRequestUrgent() {
        // given
        String description = "Since the update the router is Not Working at all.";

        // when
        String priority = priorityOf("FAULT", "STANDARD", "Router", description);

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void customerWhoCannotUseTheProductIsUrgent() {
        // given
        String subject = "We cannot use the scanner";

        // when
        String priority = priorityOf("FAULT", "GOLD", subject, "");

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void chineseOutageKeywordMakesRequestUrgent() {
        // given
        String subject = "系统宕机";

        // when
        String priority = priorityOf("UNCLASSIFIED", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void chineseKeywordInDescriptionMakesRequestUrgent() {
        // given
        String description = "打印机从昨天开始无法使用";

        // when
        String priority = priorityOf("FAULT", "STANDARD", "打印机", description);

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void downloadIsNotMistakenForAnOutage() {
        // given
        String subject = "How do I download my invoice?";

        // when
        String priority = priorityOf("BILLING", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("NORMAL");
    }

    @Test
    void outageWinsOverFeedbackKeyword() {
        // given
        String subject = "Feedback: the app is down again";

        // when
        String priority = priorityOf("COMPLAINT", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("URGENT");
    }

    @Test
    void vipFaultIsHigh() {
        // given
        String subject = "Printer jams on every page";

        // when
        String priority = priorityOf("FAULT", "VIP", subject, "");

        // then
        assertThat(priority).isEqualTo("HIGH");
    }

    @Test
    void goldFaultStaysNormal() {
        // given
        String subject = "Printer jams on every page";

        // when
        String priority = priorityOf("FAULT", "GOLD", subject, "");

        // then
        assertThat(priority).isEqualTo("NORMAL");
    }

    @Test
    void complaintIsHigh() {
        // given
        String subject = "Your technician was two hours late";

        // when
        String priority = priorityOf("COMPLAINT", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("HIGH");
    }

    @Test
    void suggestionIsLow() {
        // given
        String subject = "A Suggestion for your website";

        // when
        String priority = priorityOf("INQUIRY", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("LOW");
    }

    @Test
    void feedbackInDescriptionIsLow() {
        // given
        String description = "Some feedback on the new app";

        // when
        String priority = priorityOf("UNCLASSIFIED", "GOLD", "Hello", description);

        // then
        assertThat(priority).isEqualTo("LOW");
    }

    @Test
    void chineseSuggestionIsLow() {
        // given
        String subject = "建议增加夜间客服";

        // when
        String priority = priorityOf("INQUIRY", "STANDARD", subject, "");

        // then
        assertThat(priority).isEqualTo("LOW");
    }

    @Test
    void ordinaryRequestIsNormal() {
        // given
        String subject = "When does the shop open on Sunday?";

        // when
        String priority = priorityOf("INQUIRY", "VIP", subject, "");

        // then
        assertThat(priority).isEqualTo("NORMAL");
    }

    private static String priorityOf(String category, String customerTier, String subject, String description) {
        var variables = Variables.createVariables()
                .putValue(Var.CATEGORY, category)
                .putValue(Var.CUSTOMER_TIER, customerTier)
                .putValue(Var.SUBJECT, subject)
                .putValue(Var.DESCRIPTION, description);
        return DMN_ENGINE.evaluateDecision(decision, variables).getSingleResult().getEntry(Var.PRIORITY);
    }
}
