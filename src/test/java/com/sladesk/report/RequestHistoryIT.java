package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
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

/** A request's history over HTTP: Camunda's history and our records in one time-ordered list, managers only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestHistoryIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void aManagerSeesWhatHappenedToARequestFromStartToClose() throws Exception {
        // given a request answered, resolved and confirmed
        ObjectNode body = json.createObjectNode().put("channel", "WEB").put("subject", "Cannot print")
                .put("description", "Printer offline.");
        body.putObject("customer").put("email", "eve-" + System.nanoTime() + "@customer.test").put("tier", "GOLD");
        String key = json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
        String agent = api.agentOf(key);
        api.claimAndSubmit(api.onlyTaskOf(key, agent), agent, Var.REPLY, "Restart the spooler, please.");
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.RESOLUTION, "Spooler restarted.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED);
        api.post("/api/requests/" + key + "/confirm", "intake", "");

        // when
        JsonNode history = api.getJson("/api/requests/" + key + "/history", "manager.sun");

        // then
        List<JsonNode> entries = StreamSupport.stream(history.spliterator(), false).toList();
        assertThat(entries.get(0).path("type").asText()).isEqualTo("RECEIVED");
        assertThat(entries).extracting(e -> Instant.parse(e.path("at").asText())).isSorted();
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("PROCESS_STARTED");
            assertThat(e.path("details").path("version").asInt()).isPositive();
        });
        assertThat(entries).filteredOn(e -> e.path("type").asText().equals("DECISION_EVALUATED"))
                .extracting(e -> e.path("details").path("decision").asText())
                .contains("RequestPriority", "SlaTargets", "Routing");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("TASK_CLAIM");
            assertThat(e.path("user").asText()).isEqualTo(agent);
        });
        assertThat(entries).filteredOn(e -> e.path("type").asText().equals("TASK_COMPLETED"))
                .extracting(e -> e.path("user").asText()).containsOnly(agent).hasSize(2);
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("MESSAGE");
            assertThat(e.path("details").path("body").asText()).isEqualTo("Restart the spooler, please.");
        });
        assertThat(entries).filteredOn(e -> e.path("source").asText().equals("sla"))
                .extracting(e -> e.path("title").asText()).contains("FIRST_RESPONSE MET", "RESOLUTION MET");
        assertThat(entries).anySatisfy(e -> assertThat(e.path("title").asText()).isEqualTo("Close request"));

        // and the same history for people: one step per thing that happened, the raw entries as its details
        JsonNode story = api.getJson("/api/requests/" + key + "/history/readable", "manager.sun");
        assertThat(story.path("zone").asText()).isEqualTo("Asia/Shanghai");
        List<String> steps = StreamSupport.stream(story.path("steps").spliterator(), false)
                .map(step -> step.path("what").asText()).toList();
        assertThat(steps.get(0)).startsWith("Request received on the web form from ").endsWith("(GOLD)");
        assertThat(steps).contains("Respond to customer — done by " + agent, "Resolve request — done by " + agent,
                "Message from " + agent + " to the customer: “Restart the spooler, please.”",
                "The customer confirmed the resolution");
        assertThat(steps).anySatisfy(step -> assertThat(step).startsWith(agent + " claimed Respond to customer — "));
        assertThat(story.path("steps").get(0).path("details")).extracting(d -> d.path("type").asText())
                .containsExactly("RECEIVED", "PROCESS_STARTED");
        assertThat(story.path("engineSteps")).extracting(d -> d.path("details").get(0).path("type").asText())
                .contains("ACTIVITY_ENTERED", "ACTIVITY_LEFT");

        // and the diagram of the version it ran on, with the path taken, for the manager's page
        JsonNode diagram = api.getJson("/api/requests/" + key + "/diagram", "manager.sun");
        assertThat(diagram.path("xml").asText()).contains("id=\"ServiceRequest\"");
        assertThat(diagram.path("passed")).extracting(JsonNode::asText)
                .contains(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER, ServiceRequestProcess.TASK_RESOLVE_REQUEST)
                .doesNotContain(ServiceRequestProcess.TASK_EXPERT_DIAGNOSIS);
        HttpResponse<String> page = api.get("/manager/requests/" + key, "manager.sun");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("bpmn-navigated-viewer.production.min.js", key);
        assertThat(api.anonymousGet("/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js").statusCode())
                .isEqualTo(200);
    }

    @Test
    void agentsMayNotReadHistories() throws Exception {
        assertThat(api.get("/api/requests/SR-000001/history", "agent.wang").statusCode()).isEqualTo(403);
        assertThat(api.get("/manager/requests/SR-000001", "agent.wang").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/requests/SR-000001/history/readable", "agent.wang").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/requests/SR-999999/history", "manager.sun").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/requests/SR-999999/history/readable", "manager.sun").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = api.get("/manager/requests/SR-999999", "manager.sun");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>No request SR-999999</h1>").doesNotContain("answered 404");
    }
}
