package com.sladesk.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.support.ApiClient;

/**
 * Over HTTP: a router outage is answered, diagnosed by the experts and resolved; a new outage worded otherwise
 * gets that resolution as its first suggestion, and never the experts' diagnosis or the agent's first answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SuggestionsIT {

    static final String RESOLUTION = "Replaced the router's power supply " + UUID.randomUUID();
    static final String DIAGNOSIS = "Internal: power supply batch 7 is faulty";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    @Test
    void aNewRequestGetsTheResolutionOfALikeOneResolvedBefore() throws Exception {
        ApiClient api = new ApiClient(json, port);
        // given an outage resolved after the experts' diagnosis
        String solved = outage(api, "Router keeps rebooting, no internet connection in the office");
        String agent = api.agentOf(solved);
        api.claimAndSubmit(api.onlyTaskOf(solved, agent), agent, Var.REPLY, "We are looking into it.");
        api.submitForm(api.onlyTaskOf(solved, agent), agent, Var.RESOLUTION, "Sending it to the experts.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS);
        String expertTask = api.onlyTaskOf(solved, "expert.zhao");
        api.claimAndSubmit(expertTask, "expert.zhao", Var.DIAGNOSIS, DIAGNOSIS);
        api.submitForm(api.onlyTaskOf(solved, agent), agent, Var.RESOLUTION, RESOLUTION, Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED);
        assertThat(api.getJson("/api/requests/" + solved, "intake").path("status").asText()).isEqualTo("RESOLVED");

        // when a new outage, worded otherwise, asks for suggestions
        String fresh = outage(api, "No internet since this morning, the router reboots all the time");
        JsonNode suggestions = api.getJson("/api/requests/" + fresh + "/suggestions", agent);

        // then the first is the resolved one with the resolution sent to its customer, nothing internal
        assertThat(suggestions.size()).isBetween(1, SuggestionController.LIMIT);
        assertThat(suggestions.get(0).path("key").asText()).isEqualTo(solved);
        assertThat(suggestions.get(0).path("resolution").asText()).isEqualTo(RESOLUTION);
        assertThat(suggestions.get(0).path("score").asDouble()).isPositive();
        assertThat(suggestions.get(0).path("resolvedAt").asText()).isNotBlank();
        assertThat(suggestions.toString()).doesNotContain(DIAGNOSIS).doesNotContain("Sending it to the experts");
        // and a request is never its own suggestion; an unknown one is 404; a stranger 401
        assertThat(api.getJson("/api/requests/" + solved + "/suggestions", agent).findValuesAsText("key"))
                .doesNotContain(solved);
        assertThat(api.get("/api/requests/SR-999999999/suggestions", agent).statusCode()).isEqualTo(404);
        assertThat(api.anonymousGet("/api/requests/" + fresh + "/suggestions").statusCode()).isEqualTo(401);
    }

    private String outage(ApiClient api, String subject) throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("externalId", UUID.randomUUID()
                .toString()).put("category", "FAULT").put("product", "Router X1").put("subject", subject)
                .put("description", "Please help.");
        body.putObject("customer").put("id", "suggest-" + UUID.randomUUID()).put("name", "Office").put("tier",
                "STANDARD");
        return json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
    }
}
