package com.sladesk.request;

import static com.sladesk.support.ApiClient.clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.support.ApiClient;
import com.sladesk.support.ShortTargets;

/**
 * A designer deploys a changed SlaTargets table through /engine-rest, as Camunda Modeler does: requests
 * created afterwards get the short targets, run past them, and reach the team lead's "Escalated to me".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesignerChangesTargetsIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void shortTargetsDeployedByTheDesignerWarnBreachAndEscalateToTheTeamLead() throws Exception {
        // given a request created before the change
        String before = created(apiRequest(OffsetDateTime.now(ZoneOffset.UTC)));

        // when the designer deploys the changed table: a rule put first gives API requests one and two minute
        // targets on the 24x7 calendar
        ShortTargets.deploy(api, "PT1M", "PT2M", 50);

        // and a request arrives that was received three minutes ago, past both short targets
        String after = created(apiRequest(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(3)));
        api.executeDueJobs(after);

        // then the running request kept its targets and the new one got the short ones
        assertThat(clock(api.getJson("/api/requests/" + before, "intake"), "FIRST_RESPONSE").path("target").asText())
                .isNotEqualTo("PT1M");
        JsonNode request = api.getJson("/api/requests/" + after, "intake");
        assertThat(clock(request, "FIRST_RESPONSE").path("target").asText()).isEqualTo("PT1M");
        assertThat(clock(request, "FIRST_RESPONSE").path("state").asText()).isEqualTo("BREACHED");
        List<String> events = new ArrayList<>();
        request.path("events").forEach(e -> events.add(e.path("type").asText() + "/" + e.path("metric").asText()));
        // (the resolution target, two minutes, passed too, although nobody answered: its clock runs from intake;
        // and the acknowledgement, 30 seconds from receipt, was never delivered: no outbox runs here)
        assertThat(events).containsExactlyInAnyOrder("WARNING/FIRST_RESPONSE", "BREACHED/FIRST_RESPONSE",
                "ESCALATED/FIRST_RESPONSE", "WARNING/RESOLUTION", "BREACHED/RESOLUTION", "ESCALATED/RESOLUTION",
                "WARNING/ACKNOWLEDGEMENT", "BREACHED/ACKNOWLEDGEMENT", "ESCALATED/ACKNOWLEDGEMENT");
        request.path("events").forEach(e -> {
            if (e.path("type").asText().equals("ESCALATED")) {
                assertThat(e.path("group").asText()).isEqualTo("team-leads");
            }
        });

        // and the team lead finds it under "Escalated to me", the agent's team under "Overdue"
        assertThat(filteredTaskKeys("lead.chen", "Escalated to me", after)).isEqualTo(1);
        assertThat(filteredTaskKeys("agent.li", "Overdue", after)).isEqualTo(1);
        assertThat(filteredTaskKeys("agent.wang", "Overdue", after)).isZero();
    }

    private ObjectNode apiRequest(OffsetDateTime receivedAt) {
        ObjectNode body = json.createObjectNode().put("channel", "API").put("externalId", UUID.randomUUID().toString())
                .put("category", "BILLING").put("subject", "Invoice total looks wrong")
                .put("receivedAt", receivedAt.toString());
        body.putObject("customer").put("id", "globex").put("name", "Globex").put("tier", "STANDARD");
        return body;
    }

    private String created(ObjectNode body) throws Exception {
        HttpResponse<String> response = api.post("/api/requests", "intake", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("key").asText();
    }

    private long filteredTaskKeys(String user, String filterName, String key) throws Exception {
        String filterId = null;
        for (JsonNode filter : api.getJson("/engine-rest/filter?resourceType=Task", user)) {
            if (filter.path("name").asText().equals(filterName)) {
                filterId = filter.path("id").asText();
            }
        }
        assertThat(filterId).as("%s sees the filter %s", user, filterName).isNotNull();
        ObjectNode query = json.createObjectNode().put("processInstanceBusinessKey", key);
        return json.readTree(api.post("/engine-rest/filter/" + filterId + "/count", user, query).body())
                .path("count").asLong();
    }
}
