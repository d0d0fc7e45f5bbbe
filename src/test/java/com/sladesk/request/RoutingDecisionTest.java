package com.sladesk.request;

import static com.sladesk.process.ServiceRequestProcess.DECISION_ROUTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sladesk.process.ServiceRequestProcess.Var;

class RoutingDecisionTest {

    private static final DmnEngine DMN_ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        try (InputStream dmn = RoutingDecisionTest.class.getResourceAsStream("/decisions/routing.dmn")) {
            decision = DMN_ENGINE.parseDecision(DECISION_ROUTING, dmn);
        }
    }

    @Test
    void faultsGoToTechSupport() {
        // given
        String category = "FAULT";

        // when
        Map<String, Object> route = routeOf(category, "Printer X200", "STANDARD", "EMAIL");

        // then
        assertThat(route).isEqualTo(route("tech-support"));
    }

    @Test
    void installationsGoToTechSupport() {
        // given
        String category = "INSTALLATION";

        // when
        Map<String, Object> route = routeOf(category, "", "VIP", "PHONE");

        // then
        assertThat(route).isEqualTo(route("tech-support"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "BILLING", "INQUIRY", "COMPLAINT", "RETURN", "UNCLASSIFIED" })
    void everythingElseGoesToTheServiceDesk(String category) {
        // given a request that is not technical

        // when
        Map<String, Object> route = routeOf(category, "Printer X200", "GOLD", "WEB");

        // then
        assertThat(route).isEqualTo(route("service-desk"));
    }

    @Test
    void requestWithoutProductIsRouted() {
        // given
        String product = "";

        // when
        Map<String, Object> route = routeOf("BILLING", product, "STANDARD", "WECHAT");

        // then
        assertThat(route).isEqualTo(route("service-desk"));
    }

    private static Map<String, Object> routeOf(String category, String product, String customerTier, String channel) {
        var variables = Variables.createVariables()
                .putValue(Var.CATEGORY, category)
                .putValue(Var.PRODUCT, product)
                .putValue(Var.CUSTOMER_TIER, customerTier)
                .putValue(Var.CHANNEL, channel);
        return DMN_ENGINE.evaluateDecision(decision, variables).getSingleResult().getEntryMap();
    }

    /** Experts and team leads are the same for every team. */
    private static Map<String, Object> route(String team) {
        return Map.of(
                Var.TEAM, team,
                Var.EXPERT_TEAM, "experts",
                Var.ESCALATION_GROUP, "team-leads");
    }
}
