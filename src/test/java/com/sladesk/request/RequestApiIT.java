package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import com.sladesk.survey.SurveyLinks;

/**
 * The request life cycle over real HTTP: intake through our API, tasks claimed and completed through
 * /engine-rest as an agent's Tasklist would, the result read back from our API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestApiIT {

    private static final String INTAKE = "intake";
    private static final String AGENT_TECH_SUPPORT = "agent.wang";
    private static final String AGENT_SERVICE_DESK = "agent.li";
    private static final String EXPERT = "expert.zhao";

    /** How the engine's REST API writes dates. */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ServiceRequestRepository requests;
    @Autowired SurveyLinks surveyLinks;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void requestGoesFromIntakeThroughTasklistToClosed() throws Exception {
        // given
        HttpResponse<String> created = api.post("/api/requests", INTAKE, outage("it-" + UUID.randomUUID()));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode request = json.readTree(created.body());
        String key = request.path("key").asText();
        assertThat(key).matches("SR-\\d{6}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/requests/" + key);
        assertThat(request.path("priority").asText()).isEqualTo("URGENT");
        assertThat(request.path("team").asText()).isEqualTo("tech-support");
        assertThat(request.path("clocks")).extracting(c -> c.path("metric").asText())
                .containsExactly("FIRST_RESPONSE", "RESOLUTION", "ACKNOWLEDGEMENT");

        // when the agent answers through the engine REST API
        String respondTask = onlyTaskOf(key, AGENT_TECH_SUPPORT);
        assertThat(api.get("/engine-rest/task/" + respondTask + "/deployed-form", AGENT_TECH_SUPPORT).body())
                .contains("Form_RespondToCustomer");
        assertThat(api.post("/engine-rest/task/" + respondTask + "/claim", AGENT_TECH_SUPPORT,
                "{\"userId\":\"" + AGENT_TECH_SUPPORT + "\"}").statusCode()).isEqualTo(204);
        submit(respondTask, AGENT_TECH_SUPPORT, Var.REPLY, "We are looking into it.");

        // and hands it to the experts, who diagnose, and the agent resolves
        String resolveTask = onlyTaskOf(key, AGENT_TECH_SUPPORT);
        submit(resolveTask, AGENT_TECH_SUPPORT, Var.RESOLUTION, "Please check the firmware.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS);
        assertThat(json.readTree(api.get("/api/requests/" + key, INTAKE).body()).path("status").asText())
                .isEqualTo("WITH_EXPERTS");
        String expertTask = onlyTaskOf(key, EXPERT);
        api.post("/engine-rest/task/" + expertTask + "/claim", EXPERT, "{\"userId\":\"" + EXPERT + "\"}");
        submit(expertTask, EXPERT, Var.DIAGNOSIS, "Known firmware bug; roll back to 1.2.");
        String resolveAgain = onlyTaskOf(key, AGENT_TECH_SUPPORT);
        submit(resolveAgain, AGENT_TECH_SUPPORT, Var.RESOLUTION, "Rolled back the firmware.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED);

        // then
        JsonNode resolved = json.readTree(api.get("/api/requests/" + key, INTAKE).body());
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");

        // when the customer confirms
        HttpResponse<String> confirmed = api.post("/api/requests/" + key + "/confirm", INTAKE, "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        // then
        JsonNode closed = json.readTree(api.get("/api/requests/" + key, INTAKE).body());
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("responder").asText()).isEqualTo(AGENT_TECH_SUPPORT);
        assertThat(closed.path("clocks")).extracting(c -> c.path("metric").asText() + "/" + c.path("state").asText())
                .containsExactly("FIRST_RESPONSE/MET", "RESOLUTION/MET", "ACKNOWLEDGEMENT/RUNNING",
                        "EXPERT_RESPONSE/MET", "FOLLOW_UP/MET");
        assertThat(closed.path("events")).extracting(e -> e.path("type").asText()).containsOnly("MET");
        assertThat(closed.path("messages")).extracting(m -> m.path("body").asText()).containsExactly(
                "We are looking into it.", "Please check the firmware.", "Known firmware bug; roll back to 1.2.",
                "Rolled back the firmware.");
        assertThat(closed.path("timeInState").fieldNames()).toIterable()
                .contains("NEW", "IN_PROGRESS", "WITH_EXPERTS", "RESOLVED");
        assertThat(api.post("/api/requests/" + key + "/confirm", INTAKE, "").statusCode()).isEqualTo(409);
    }

    @Test
    void theAgentClosesTheLoopOnTheFollowUpTaskInTasklist() throws Exception {
        // given a request answered and resolved through Tasklist
        String key = resolvedThroughTasklist();

        // then the team has "Follow up with the customer", due when the FOLLOW_UP clock is, with its form
        JsonNode resolved = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(clockState(resolved, "FOLLOW_UP")).isEqualTo("RUNNING");
        String followUp = onlyTaskOf(key, AGENT_TECH_SUPPORT);
        JsonNode task = api.getJson("/engine-rest/task/" + followUp, AGENT_TECH_SUPPORT);
        assertThat(task.path("name").asText()).isEqualTo("Follow up with the customer");
        assertThat(OffsetDateTime.parse(task.path("due").asText(), ENGINE_DATE).toInstant()).isCloseTo(
                Instant.parse(ApiClient.clock(resolved, "FOLLOW_UP").path("dueAt").asText()),
                within(1, ChronoUnit.MILLIS));
        assertThat(api.get("/engine-rest/task/" + followUp + "/deployed-form", AGENT_TECH_SUPPORT).body())
                .contains("Form_FollowUpCustomer");

        // when the agent tries to move the clock's due instant along with the note
        ObjectNode bent = json.createObjectNode();
        bent.putObject("variables").putObject(Var.FOLLOW_UP_NOTE).put("value", "Called.").put("type", "String");
        ((ObjectNode) bent.path("variables")).putObject("followUpDueAt").put("value", "2099-01-01T00:00:00.000+0000")
                .put("type", "Date");
        HttpResponse<String> refused = api.post("/engine-rest/task/" + followUp + "/submit-form", AGENT_TECH_SUPPORT,
                bent);

        // then it is refused as a whole: the task stays open, the clock runs
        assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
        assertThat(onlyTaskOf(key, AGENT_TECH_SUPPORT)).isEqualTo(followUp);
        assertThat(clockState(api.getJson("/api/requests/" + key, INTAKE), "FOLLOW_UP")).isEqualTo("RUNNING");

        // when the agent records the call with the form's one field
        submit(followUp, AGENT_TECH_SUPPORT, Var.FOLLOW_UP_NOTE, "Called: the router works.");

        // then the loop is closed by that agent; the request still waits for the customer's confirmation
        JsonNode followedUp = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(clockState(followedUp, "FOLLOW_UP")).isEqualTo("MET");
        assertThat(followedUp.path("events")).filteredOn(e -> e.path("metric").asText().equals("FOLLOW_UP"))
                .singleElement().satisfies(e -> assertThat(e.path("reason").asText())
                        .isEqualTo("follow-up contact recorded by " + AGENT_TECH_SUPPORT));
        assertThat(followedUp.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(api.getJson("/engine-rest/task?processInstanceBusinessKey=" + key, AGENT_TECH_SUPPORT)).isEmpty();
    }

    @Test
    void theCustomersSurveyAnswerAfterAnAutoCloseClosesTheLoop() throws Exception {
        // given a request resolved through Tasklist, then closed by itself (its auto-close timer run by an admin)
        String key = resolvedThroughTasklist();
        String instance = api.getJson("/api/requests/" + key, INTAKE).path("processInstanceId").asText();
        JsonNode autoClose = api.getJson("/engine-rest/job?processInstanceId=" + instance + "&activityId="
                + ServiceRequestProcess.TIMER_AUTO_CLOSE, "admin");
        assertThat(api.post("/engine-rest/job/" + autoClose.get(0).path("id").asText() + "/execute", "admin", "")
                .statusCode()).isEqualTo(204);
        JsonNode closed = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(clockState(closed, "FOLLOW_UP")).isEqualTo("RUNNING");

        // when the customer answers the survey the closing mailed them, in the browser
        String link = surveyLinks.linkFor(key, ServiceRequestProcess.now());
        String path = link.substring(link.indexOf("/survey/"));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(api.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as(page).isTrue();
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=4&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());

        // then the answer is kept and the loop is closed by it: the clock met its target, the task is gone
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode answered = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(answered.path("satisfactionScore").asInt()).isEqualTo(4);
        assertThat(clockState(answered, "FOLLOW_UP")).isEqualTo("MET");
        assertThat(answered.path("events")).filteredOn(e -> e.path("metric").asText().equals("FOLLOW_UP"))
                .singleElement().satisfies(e -> assertThat(e.path("reason").asText())
                        .isEqualTo("customer answered the survey"));
        assertThat(api.getJson("/engine-rest/task?processInstanceBusinessKey=" + key, AGENT_TECH_SUPPORT)).isEmpty();
    }

    @Test
    void aCustomersAnswerThroughTheApiResumesAWaitingRequestOnceEvenIfDeliveredTwice() throws Exception {
        // given a request waiting on the customer
        String key = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        String respond = onlyTaskOf(key, AGENT_TECH_SUPPORT);
        api.post("/engine-rest/task/" + respond + "/claim", AGENT_TECH_SUPPORT, "{\"userId\":\"" + AGENT_TECH_SUPPORT + "\"}");
        submit(respond, AGENT_TECH_SUPPORT, Var.REPLY, "On it.");
        submit(onlyTaskOf(key, AGENT_TECH_SUPPORT), AGENT_TECH_SUPPORT, Var.RESOLUTION, "Need the version.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER, Var.QUESTION, "Which firmware?");
        JsonNode waiting = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(waiting.path("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(clockState(waiting, "RESOLUTION")).isEqualTo("PAUSED");

        // when an internal note, then the customer's answer twice
        ObjectNode note = json.createObjectNode().put("author", "AGENT").put("body", "ping tomorrow")
                .put("internal", true);
        assertThat(api.post("/api/requests/" + key + "/messages", AGENT_TECH_SUPPORT, note).statusCode())
                .isEqualTo(201);
        assertThat(api.getJson("/api/requests/" + key, INTAKE).path("status").asText())
                .isEqualTo("WAITING_ON_CUSTOMER");
        ObjectNode answer = json.createObjectNode().put("author", "CUSTOMER").put("body", "Firmware 1.3")
                .put("externalId", "mail-" + UUID.randomUUID());
        HttpResponse<String> first = api.post("/api/requests/" + key + "/messages", INTAKE, answer);
        HttpResponse<String> again = api.post("/api/requests/" + key + "/messages", INTAKE, answer);

        // then
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode resumed = api.getJson("/api/requests/" + key, INTAKE);
        assertThat(resumed.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(clockState(resumed, "RESOLUTION")).isEqualTo("RUNNING");
        assertThat(resumed.path("messages")).filteredOn(m -> m.path("body").asText().equals("Firmware 1.3"))
                .hasSize(1);
        assertThat(onlyTaskOf(key, AGENT_TECH_SUPPORT)).isNotBlank();
    }

    @Test
    void agentsReclassifyWithAReasonAndIntegrationsMayNot() throws Exception {
        // given
        String key = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        ObjectNode change = json.createObjectNode().put("priority", "LOW").put("reason", "Only a test device");

        // when / then
        assertThat(api.patch("/api/requests/" + key, INTAKE, change).statusCode()).isEqualTo(403);
        assertProblem(api.patch("/api/requests/" + key, AGENT_TECH_SUPPORT,
                json.createObjectNode().put("priority", "LOW")), "reason");
        HttpResponse<String> changed = api.patch("/api/requests/" + key, AGENT_TECH_SUPPORT, change);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode request = json.readTree(changed.body());
        assertThat(request.path("priority").asText()).isEqualTo("LOW");
        assertThat(request.path("reclassifications").get(0).path("by").asText()).isEqualTo(AGENT_TECH_SUPPORT);
    }

    // case 10
    @Test
    void aRequestAnAgentCreatesThroughTheApiStartsItsFirstResponseClock() throws Exception {
        // when
        ObjectNode body = outage(null).put("channel", "API");
        HttpResponse<String> created = api.post("/api/requests", AGENT_SERVICE_DESK, body);

        // then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode request = json.readTree(created.body());
        assertThat(clockState(request, "FIRST_RESPONSE")).isEqualTo("RUNNING");
        assertThat(request.path("clocks").get(0).path("startedAt").asText()).isEqualTo(
                request.path("receivedAt").asText());
    }

    @Test
    void anAgentOfAnotherTeamCannotSeeOrClaimTheTask() throws Exception {
        // given a fault, routed to tech-support
        String key = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        String taskId = onlyTaskOf(key, AGENT_TECH_SUPPORT);

        // when / then
        assertThat(json.readTree(api.get("/engine-rest/task?processInstanceBusinessKey=" + key, AGENT_SERVICE_DESK)
                .body())).isEmpty();
        assertThat(api.get("/engine-rest/task/" + taskId, AGENT_SERVICE_DESK).statusCode()).isIn(403, 404);
        assertThat(api.post("/engine-rest/task/" + taskId + "/claim", AGENT_SERVICE_DESK,
                "{\"userId\":\"" + AGENT_SERVICE_DESK + "\"}").statusCode()).isIn(403, 404);
        assertThat(json.readTree(api.get("/engine-rest/task/" + taskId, AGENT_TECH_SUPPORT).body()).path("assignee")
                .isNull()).isTrue();
    }

    @Test
    void theTeamsQueueShowsAgentsTheRequestOfEachTask() throws Exception {
        // given
        String key = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        String queue = null;
        for (JsonNode filter : api.getJson("/engine-rest/filter?resourceType=Task", AGENT_TECH_SUPPORT)) {
            if (filter.path("name").asText().equals("My team's queue")) {
                queue = filter.path("id").asText();
            }
        }

        // when Tasklist lists the filter with its variables
        HttpResponse<String> list = api.send(HttpRequest.newBuilder(
                api.uri("/engine-rest/filter/" + queue + "/list"))
                .header("Authorization", ApiClient.basic(AGENT_TECH_SUPPORT, ApiClient.DEMO_PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/hal+json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"processInstanceBusinessKey\":\"" + key + "\"}")));

        // then
        JsonNode variables = json.readTree(list.body()).path("_embedded").path("task").get(0).path("_embedded")
                .path("variable");
        assertThat(variables).extracting(v -> v.path("name").asText() + "=" + v.path("value").asText())
                .contains("requestKey=" + key, "customerTier=VIP", "priority=URGENT", "channel=EMAIL");
    }

    @Test
    void anonymousCallsGetUnauthorizedExceptHealth() throws Exception {
        assertThat(api.anonymousGet("/api/requests").statusCode()).isEqualTo(401);
        assertThat(api.anonymousGet("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(api.anonymousGet("/engine-rest/process-definition").statusCode())
                .isEqualTo(401);
        assertThat(api.anonymousGet("/actuator/health").statusCode()).isEqualTo(200);
        // a user nobody else in this class logs in as: a failed login delays that user's next one
        assertThat(api.get("/api/requests", "director.zhou", "wrong-password").statusCode()).isEqualTo(401);
    }

    @Test
    void onlyIntakeGroupsMayCreateRequests() throws Exception {
        assertThat(api.post("/api/requests", EXPERT, outage(null)).statusCode()).isEqualTo(403);
    }

    @Test
    void badInputAnswersProblemJsonNamingTheFieldAndCreatesNothing() throws Exception {
        long before = requests.count();
        ObjectNode missingSubject = outage(null);
        missingSubject.remove("subject");
        ObjectNode unknownChannel = outage(null).put("channel", "FAX");
        ObjectNode unknownTier = outage(null);
        ((ObjectNode) unknownTier.path("customer")).put("tier", "PLATINUM");
        ObjectNode tooLong = outage(null).put("description", "x".repeat(4001));
        ObjectNode future = outage(null).put("receivedAt", OffsetDateTime.now().plusMinutes(5).toString());
        ObjectNode newCustomerWithoutTier = outage(null);
        ((ObjectNode) newCustomerWithoutTier.path("customer")).put("id", "unknown-" + UUID.randomUUID())
                .remove("tier");

        assertProblem(api.post("/api/requests", INTAKE, missingSubject), "subject");
        assertProblem(api.post("/api/requests", INTAKE, unknownChannel), "channel");
        assertProblem(api.post("/api/requests", INTAKE, unknownTier), "customer.tier");
        assertProblem(api.post("/api/requests", INTAKE, tooLong), "description");
        assertProblem(api.post("/api/requests", INTAKE, future), "receivedAt");
        assertProblem(api.post("/api/requests", INTAKE, newCustomerWithoutTier), "customer.tier");
        assertProblem(api.post("/api/requests", INTAKE, "{\"channel\": \"EMAIL\", "), "Malformed JSON");
        assertProblem(api.get("/api/requests?status=SLEEPING", INTAKE), "status");
        assertThat(requests.count()).isEqualTo(before);
        assertThat(api.get("/api/requests/SR-999999", INTAKE).statusCode()).isEqualTo(404);
    }

    @Test
    void theSameChannelAndExternalIdMakesOneRequestEvenUnderConcurrentRetries() throws Exception {
        // given
        String body = json.writeValueAsString(outage("retry-" + UUID.randomUUID()));
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> api.post("/api/requests", INTAKE, body));
        }

        // when
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        // then
        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 201)
                .filteredOn(status -> status == 201).hasSize(1);
        assertThat(responses).extracting(r -> json.readTree(r.body()).path("key").asText()).containsOnly(
                json.readTree(responses.get(0).body()).path("key").asText());
        assertThat(api.post("/api/requests", INTAKE, body).statusCode()).isEqualTo(200);
    }

    @Test
    void listsRequestsNewestFirstFilteredByTeam() throws Exception {
        // given
        String first = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        String second = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();

        // when
        JsonNode page = json.readTree(api.get("/api/requests?team=tech-support&status=NEW&size=200", AGENT_SERVICE_DESK)
                .body());

        // then
        List<String> keys = new ArrayList<>();
        page.path("content").forEach(r -> keys.add(r.path("key").asText()));
        assertThat(keys).containsSubsequence(second, first);
        assertThat(page.path("content")).allSatisfy(r -> assertThat(r.path("team").asText())
                .isEqualTo("tech-support"));
        assertThat(page.path("page").path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
    }

    private ObjectNode outage(String externalId) {
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("category", "FAULT")
                .put("product", "Router X1").put("subject", "Outage at our headquarters")
                .put("description", "Nothing works since 9:00");
        if (externalId != null) {
            body.put("externalId", externalId);
        }
        body.putObject("customer").put("id", "acme").put("name", "Acme Ltd").put("email", "ops@acme.example")
                .put("tier", "VIP");
        return body;
    }

    private static String clockState(JsonNode request, String metric) {
        for (JsonNode clock : request.path("clocks")) {
            if (clock.path("metric").asText().equals(metric)) {
                return clock.path("state").asText();
            }
        }
        return null;
    }

    private String onlyTaskOf(String key, String user) throws Exception {
        return api.onlyTaskOf(key, user);
    }

    private void submit(String taskId, String user, String... namesAndValues) throws Exception {
        api.submitForm(taskId, user, namesAndValues);
    }

    private void assertProblem(HttpResponse<String> response, String mentioned) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("detail").asText()).contains(mentioned);
    }

    /** A new outage answered and resolved by agent.wang through Tasklist; its key. */
    private String resolvedThroughTasklist() throws Exception {
        String key = json.readTree(api.post("/api/requests", INTAKE, outage(null)).body()).path("key").asText();
        api.claimAndSubmit(onlyTaskOf(key, AGENT_TECH_SUPPORT), AGENT_TECH_SUPPORT, Var.REPLY, "On it.");
        submit(onlyTaskOf(key, AGENT_TECH_SUPPORT), AGENT_TECH_SUPPORT, Var.RESOLUTION, "Replaced the router.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_RESOLVED);
        return key;
    }
}
