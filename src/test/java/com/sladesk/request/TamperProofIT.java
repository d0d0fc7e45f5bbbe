package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.process.StartSlaClocksDelegate;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.notify.Notification;
import com.sladesk.notify.NotificationRepository;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.support.ApiClient;
import com.sladesk.support.WebappSession;
import com.sladesk.survey.SurveyLinks;
import com.sladesk.process.RecordClaimListener;

/**
 * The attacks of a hostile insider, replayed over real HTTP with the demo users: each one fails, and what the
 * SLA measures (timers, task dates, team, candidates, messages, memberships, deployments) stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TamperProofIT {

    private static final String AGENT = "agent.wang";
    private static final String OTHER_TEAMS_AGENT = "agent.li";
    private static final String FAR_FUTURE = "2099-01-01T00:00:00.000+0000";

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired SurveyLinks surveyLinks;
    @Autowired ServiceRequestRepository requests;
    @Autowired NotificationRepository notifications;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void anAgentCannotMoveDeadlinesRerouteOrAddCandidatesThroughTheEngineApi() throws Exception {
        // given a new VIP outage in tech-support's queue, claimed by its agent
        String key = created();
        String task = api.onlyTaskOf(key, AGENT);
        assertThat(api.post("/engine-rest/task/" + task + "/claim", AGENT, "{\"userId\":\"" + AGENT + "\"}")
                .statusCode()).isEqualTo(204);
        String before = snapshot(key, task);

        // when the agent completes with the resolution instants of 2099 and another team
        ObjectNode forged = json.createObjectNode();
        ObjectNode variables = forged.putObject("variables");
        variables.putObject(Var.REPLY).put("value", "Looking into it");
        variables.putObject(Var.RESOLUTION_DUE_AT).put("value", FAR_FUTURE).put("type", "Date");
        variables.putObject(Var.RESOLUTION_WARN_AT).put("value", FAR_FUTURE).put("type", "Date");
        HttpResponse<String> complete = api.post("/engine-rest/task/" + task + "/complete", AGENT, forged);
        variables.remove(List.of(Var.RESOLUTION_DUE_AT, Var.RESOLUTION_WARN_AT));
        variables.putObject(Var.TEAM).put("value", "experts");
        HttpResponse<String> submit = api.post("/engine-rest/task/" + task + "/submit-form", AGENT, forged);
        // and writes variables, dates and candidates of the task directly
        HttpResponse<String> team = put("/engine-rest/task/" + task + "/variables/team",
                "{\"value\":\"experts\",\"type\":\"String\"}");
        HttpResponse<String> dates = put("/engine-rest/task/" + task, "{\"name\":\"Respond to customer\",\"due\":\""
                + FAR_FUTURE + "\",\"followUp\":\"" + FAR_FUTURE + "\",\"priority\":1,\"assignee\":\"" + AGENT + "\"}");
        HttpResponse<String> candidate = api.post("/engine-rest/task/" + task + "/identity-links", AGENT,
                "{\"groupId\":\"experts\",\"type\":\"candidate\"}");
        // and does the same through Tasklist's own session API
        WebappSession tasklist = new WebappSession(api, AGENT);
        String engine = "/camunda/api/engine/engine/default/task/" + task;
        HttpResponse<String> tasklistTeam = tasklist.send("PUT", engine + "/variables/team",
                "{\"value\":\"experts\",\"type\":\"String\"}");
        HttpResponse<String> tasklistSubmit = tasklist.send("POST", engine + "/submit-form", forged.toString());

        // then each is refused and nothing that counts changed
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(400);
        assertThat(complete.body()).contains(Var.RESOLUTION_DUE_AT).contains(Var.RESOLUTION_WARN_AT);
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(400);
        assertThat(submit.body()).contains(Var.TEAM);
        assertThat(team.statusCode()).as(team.body()).isEqualTo(403);
        assertThat(dates.statusCode()).as(dates.body()).isEqualTo(403);
        assertThat(candidate.statusCode()).as(candidate.body()).isEqualTo(403);
        assertThat(tasklistTeam.statusCode()).as(tasklistTeam.body()).isEqualTo(403);
        assertThat(tasklistTeam.body()).contains("AuthorizationException");
        assertThat(team.body()).contains("AuthorizationException");
        assertThat(tasklistSubmit.statusCode()).as(tasklistSubmit.body()).isEqualTo(400);
        assertThat(snapshot(key, task)).isEqualTo(before);

        // and the answer the form asks for is accepted; the resolution timers and task follow the clock
        api.submitForm(task, AGENT, Var.REPLY, "We are looking into it");
        JsonNode request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("team").asText()).isEqualTo("tech-support");
        String resolveTask = api.onlyTaskOf(key, AGENT);
        JsonNode resolve = api.getJson("/engine-rest/task/" + resolveTask, "admin");
        assertThat(instant(resolve.path("due").asText())).isEqualTo(clock(request, "RESOLUTION").path("dueAt")
                .asText());
        assertThat(resolve.path("assignee").asText()).isEqualTo(AGENT);
        assertThat(jobDueDates(key)).contains(instant(resolve.path("due").asText()))
                .noneMatch(due -> due.startsWith("2099"));

        // and nobody but an administrator ends it with a BPMN error or moves its dates, not even a lead
        HttpResponse<String> bpmnError = api.post("/engine-rest/task/" + resolveTask + "/bpmnError", AGENT,
                "{\"errorCode\":\"done\",\"variables\":{\"team\":{\"value\":\"experts\"}}}");
        assertThat(bpmnError.statusCode()).as(bpmnError.body()).isEqualTo(403);
        HttpResponse<String> leadDates = api.send(api.requestAs("/engine-rest/task/" + resolveTask, "lead.chen")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Resolve request\",\"due\":\"" + FAR_FUTURE + "\",\"priority\":1,"
                                + "\"assignee\":\"" + AGENT + "\"}")));
        assertThat(leadDates.statusCode()).as(leadDates.body()).isEqualTo(403);
        assertThat(api.getJson("/engine-rest/task/" + resolveTask, "admin").path("due").asText())
                .isEqualTo(resolve.path("due").asText());

        // and a lead may reassign the task, an agent may not
        assertThat(api.post("/engine-rest/task/" + resolveTask + "/assignee", OTHER_TEAMS_AGENT,
                "{\"userId\":\"" + OTHER_TEAMS_AGENT + "\"}").statusCode()).isIn(403, 404);
        HttpResponse<String> reassigned = api.post("/engine-rest/task/" + resolveTask + "/assignee", "lead.chen",
                "{\"userId\":\"agent.li\"}");
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(204);
        assertThat(api.getJson("/engine-rest/task/" + resolveTask, "admin").path("assignee").asText())
                .isEqualTo("agent.li");
    }

    @Test
    void onlyAChannelSpeaksAsTheCustomerAndAnAgentRecordsThePhoneCallUnderHisOwnName() throws Exception {
        // given a request waiting on the customer
        String key = created();
        api.claimAndSubmit(api.onlyTaskOf(key, AGENT), AGENT, Var.REPLY, "On it");
        api.submitForm(api.onlyTaskOf(key, AGENT), AGENT, Var.OUTCOME, "WAITING_ON_CUSTOMER", Var.RESOLUTION, "",
                Var.QUESTION, "Which firmware?");
        assertThat(status(key)).isEqualTo("WAITING_ON_CUSTOMER");
        int messages = api.getJson("/api/requests/" + key, "intake").path("messages").size();

        // when the agent writes as the customer
        HttpResponse<String> asCustomer = api.post("/api/requests/" + key + "/messages", AGENT,
                json.createObjectNode().put("author", "CUSTOMER").put("body", "All fine now"));

        // then it is refused, nothing is stored and the clock stays paused
        assertThat(asCustomer.statusCode()).isEqualTo(403);
        assertThat(asCustomer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("messages").size()).isEqualTo(messages);
        assertThat(request.path("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(clock(request, "RESOLUTION").path("state").asText()).isEqualTo("PAUSED");

        // and an agent of another team may not record the customer's words either
        assertThat(api.post("/api/requests/" + key + "/messages", OTHER_TEAMS_AGENT, json.createObjectNode()
                .put("author", "AGENT").put("onBehalfOfCustomer", true).put("body", "It works")).statusCode())
                .isEqualTo(403);
        assertThat(status(key)).isEqualTo("WAITING_ON_CUSTOMER");

        // when the agent records what the customer said on the phone
        HttpResponse<String> phone = api.post("/api/requests/" + key + "/messages", AGENT, json.createObjectNode()
                .put("author", "AGENT").put("onBehalfOfCustomer", true).put("body", "Firmware 1.3, said on the phone"));

        // then the clock resumes, and the message and the history keep the agent's name
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
        JsonNode recorded = json.readTree(phone.body());
        assertThat(recorded.path("authorId").asText()).isEqualTo(AGENT);
        assertThat(recorded.path("onBehalfOfCustomer").asBoolean()).isTrue();
        request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(clock(request, "RESOLUTION").path("state").asText()).isEqualTo("RUNNING");
        assertThat(usersInHistory(key, "title", "The customer's words, recorded by AGENT")).containsExactly(AGENT);
    }

    @Test
    void onlyTheRequestsTeamOrAChannelConfirmsAndReopensAndWhoDidItIsRecorded() throws Exception {
        // given a resolved request of tech-support
        String key = created();
        api.claimAndSubmit(api.onlyTaskOf(key, AGENT), AGENT, Var.REPLY, "On it");
        api.submitForm(api.onlyTaskOf(key, AGENT), AGENT, Var.OUTCOME, "RESOLVED", Var.RESOLUTION, "Replaced it");
        assertThat(status(key)).isEqualTo("RESOLVED");

        // when an agent of another team and an expert try to confirm and reopen it
        List<Integer> refused = new ArrayList<>();
        for (String user : List.of(OTHER_TEAMS_AGENT, "expert.zhao")) {
            refused.add(api.post("/api/requests/" + key + "/confirm", user, "").statusCode());
            refused.add(api.post("/api/requests/" + key + "/reopen", user, "").statusCode());
        }

        // then they are refused and it stays resolved
        assertThat(refused).containsOnly(403);
        assertThat(status(key)).isEqualTo("RESOLVED");

        // when its own agent confirms for the customer, it is closed and the history names him
        assertThat(api.post("/api/requests/" + key + "/confirm", AGENT, "").statusCode()).isEqualTo(200);
        assertThat(status(key)).isEqualTo("CLOSED");
        assertThat(usersInHistory(key, "type", "CUSTOMER_CONFIRMED")).containsExactly(AGENT);
    }

    @Test
    void anInternalNoteForTheExpertsNeverPrefillsTheTextSentToTheCustomer() throws Exception {
        // given a request the agent hands over with an internal note, and the experts' diagnosis
        String key = created();
        api.claimAndSubmit(api.onlyTaskOf(key, AGENT), AGENT, Var.REPLY, "On it");
        String internal = "experts please check logs " + UUID.randomUUID();
        api.submitForm(api.onlyTaskOf(key, AGENT), AGENT, Var.OUTCOME, "TRANSFER_TO_EXPERTS", Var.RESOLUTION,
                internal);
        String expertTask = api.onlyTaskOf(key, "expert.zhao");
        assertThat(api.getJson("/engine-rest/task/" + expertTask + "/form-variables", "expert.zhao")
                .path("handOverNotes").path("value").asText()).isEqualTo(internal);
        api.claimAndSubmit(expertTask, "expert.zhao", Var.DIAGNOSIS, "Bad cable");

        // when the resolution task comes back to the agent
        String resolveTask = api.onlyTaskOf(key, AGENT);
        JsonNode form = api.getJson("/engine-rest/task/" + resolveTask + "/form-variables", AGENT);

        // then the note is shown read-only, and the field whose text goes to the customer is empty
        assertThat(form.path(Var.RESOLUTION).path("value").isNull() || form.path(Var.RESOLUTION).isMissingNode())
                .as(form.toString()).isTrue();
        assertThat(form.path("handOverNotes").path("value").asText()).isEqualTo(internal);
        assertThat(form.path(Var.DIAGNOSIS).path("value").asText()).isEqualTo("Bad cable");

        // and resolving it as Tasklist submits the form sends no internal text to the customer
        api.submitForm(resolveTask, AGENT, Var.OUTCOME, "RESOLVED", Var.RESOLUTION, "Replaced the cable");
        JsonNode request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("status").asText()).isEqualTo("RESOLVED");
        for (JsonNode message : request.path("messages")) {
            assertThat(message.path("internal").asBoolean() || !message.path("body").asText().contains(internal))
                    .as(message.toString()).isTrue();
        }
        assertThat(request.path("messages").toString()).contains("Replaced the cable");
        long id = requests.findByRequestKey(key).orElseThrow().getId();
        assertThat(notifications.findByRequestIdOrderByIdAsc(id)).extracting(Notification::getBody)
                .noneMatch(body -> body.contains(internal)).anyMatch(body -> body.contains("Replaced the cable"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "runtime-exec.bpmn, Task_RuntimeExec, Attack_RuntimeExec",
            "make-me-admin.bpmn, Task_MakeMeAdmin, Attack_MakeMeAdmin",
            "leak-secret.bpmn, Task_LeakSecret, Attack_LeakSecret",
            "service-request-start-listener.bpmn, ServiceRequest, ServiceRequest"})
    void aDesignersDeploymentThatRunsCodeIsRefusedAndLeavesNoTrace(String file, String element, String processKey)
            throws Exception {
        // given
        Path marker = Path.of("/tmp/sladesk-attack-marker");
        Files.deleteIfExists(marker);
        long deployments = count("/engine-rest/deployment/count");
        long versions = count("/engine-rest/process-definition/count?key=" + processKey);
        long jobs = count("/engine-rest/job/count?processDefinitionKey=" + processKey);

        // when
        HttpResponse<String> deployed = api.deploy("designer", "attack", file, resource("/attacks/" + file));

        // then
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(400);
        assertThat(json.readTree(deployed.body()).path("message").asText()).contains(file).contains(element)
                .contains("goes beyond");
        assertThat(count("/engine-rest/deployment/count")).isEqualTo(deployments);
        assertThat(count("/engine-rest/process-definition/count?key=" + processKey)).isEqualTo(versions);
        assertThat(count("/engine-rest/job/count?processDefinitionKey=" + processKey)).isEqualTo(jobs);
        assertThat(api.get("/engine-rest/group?member=designer", "admin").body()).doesNotContain("camunda-admin");
        assertThat(count("/engine-rest/history/variable-instance/count?variableName=leaked")).isZero();
        assertThat(marker).doesNotExist();
    }

    @Test
    void scriptsClassesAndNonFeelDecisionsAreRefusedWhileTheDesignersOwnChangesPass() throws Exception {
        // given
        String serviceRequest = resource("/processes/service-request.bpmn");
        String targets = resource("/decisions/sla-targets.dmn");

        // when a designer deploys a script condition, a Java class, a JavaScript decision and a stranger's delegate
        HttpResponse<String> script = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${outcome == 'RESOLVED'}",
                        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">"
                                + "java.lang.Runtime.getRuntime().exec('id'); true"));
        HttpResponse<String> javaClass = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("camunda:delegateExpression=\"${startSlaClocksDelegate}\"",
                        "camunda:class=\"com.sladesk.sla.StartSlaClocksDelegate\""));
        HttpResponse<String> listenerClass = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("<camunda:taskListener delegateExpression=\"${recordClaimListener}\"",
                        "<camunda:taskListener class=\"com.sladesk.request.RecordClaimListener\""));
        HttpResponse<String> bean = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("${startSlaClocksDelegate}", "${identityService}"));
        HttpResponse<String> javascript = api.deploy("designer", "attack", "sla-targets.dmn", targets
                .replaceFirst("<inputExpression ", "<inputExpression expressionLanguage=\"javascript\" "));
        // and hides an expression behind a comment, under Activiti's namespace, or in a call with a business key
        HttpResponse<String> split = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("${outcome == 'RESOLVED'}", "$<!-- -->{''.getClass().forName('java.lang.Runtime') != null}"));
        HttpResponse<String> activiti = api.deploy("designer", "attack", "service-request.bpmn", serviceRequest
                .replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:camunda=")
                .replace("camunda:delegateExpression=\"${startSlaClocksDelegate}\"",
                        "activiti:class=\"com.sladesk.sla.StartSlaClocksDelegate\""));
        HttpResponse<String> businessKey = api.deploy("designer", "attack", "call.bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Call" targetNamespace="x">
                  <bpmn:process id="Attack_Call" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Call" />
                    <bpmn:callActivity id="Call_ServiceRequest" calledElement="ServiceRequest">
                      <bpmn:extensionElements><camunda:in businessKey="SR-000001" /></bpmn:extensionElements>
                    </bpmn:callActivity>
                    <bpmn:sequenceFlow id="Flow_Call" sourceRef="StartEvent_Call" targetRef="Call_ServiceRequest" />
                  </bpmn:process>
                </bpmn:definitions>""");
        HttpResponse<String> form = api.deploy("designer", "attack", "resolve-request.form",
                resource("/processes/resolve-request.form").replace("\"key\": \"question\"",
                        "\"key\": \"autoCloseAt\""));

        // then each is refused, naming the rule
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("no scripts");
        assertThat(javaClass.statusCode()).isEqualTo(400);
        assertThat(javaClass.body()).contains("Task_StartSlaClocks").contains("no Java classes");
        assertThat(listenerClass.statusCode()).isEqualTo(400);
        assertThat(listenerClass.body()).contains("Task_RespondToCustomer").contains("no Java classes");
        assertThat(bean.statusCode()).isEqualTo(400);
        assertThat(bean.body()).contains("delegate expression names one of SLA Desk's delegates");
        assertThat(javascript.statusCode()).isEqualTo(400);
        assertThat(javascript.body()).contains("FEEL only");
        assertThat(split.statusCode()).isEqualTo(400);
        assertThat(split.body()).contains("Flow_Resolved").contains("goes beyond");
        assertThat(activiti.statusCode()).isEqualTo(400);
        assertThat(activiti.body()).contains("no Java classes");
        assertThat(businessKey.statusCode()).isEqualTo(400);
        assertThat(businessKey.body()).contains("Call_ServiceRequest").contains("business key");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("autoCloseAt");

        // and a re-arranged ServiceRequest and a changed SlaTargets pass
        HttpResponse<String> renamed = api.deploy("designer", "designer's change", "service-request.bpmn",
                serviceRequest.replace("name=\"Decide team\"", "name=\"Decide the team\""));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        HttpResponse<String> changedTargets = api.deploy("designer", "designer's change", "sla-targets.dmn",
                targets.replace("name=\"SLA targets\"", "name=\"SLA targets, changed\""));
        assertThat(changedTargets.statusCode()).as(changedTargets.body()).isEqualTo(200);

        // and an administrator is trusted with code
        HttpResponse<String> byAdmin = api.deploy("admin", "admin's script", "service-request.bpmn", serviceRequest
                .replace("camunda:delegateExpression=\"${startSlaClocksDelegate}\"",
                        "camunda:class=\"com.sladesk.sla.StartSlaClocksDelegate\""));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
        assertThat(api.send(api.requestAs("/engine-rest/deployment/" + json.readTree(byAdmin.body()).path("id")
                .asText(), "admin").DELETE()).statusCode()).isEqualTo(204);
    }

    @Test
    void aDesignerCannotDeleteADeploymentAndAHistoryOutlivesADeletedDecisionVersion() throws Exception {
        // given a decision version deployed by the designer, which decides a new request
        HttpResponse<String> deployed = api.deploy("designer", "targets " + UUID.randomUUID(), "sla-targets.dmn",
                resource("/decisions/sla-targets.dmn").replace("name=\"SLA targets\"", "name=\"SLA targets, trial\""));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deployment = json.readTree(deployed.body()).path("id").asText();
        String key = created();

        // when the designer deletes it
        HttpResponse<String> deleted = api.send(api.requestAs("/engine-rest/deployment/" + deployment, "designer")
                .DELETE());

        // then it is refused and the deployment is still there
        assertThat(deleted.statusCode()).isEqualTo(403);
        assertThat(api.get("/engine-rest/deployment/" + deployment, "admin").statusCode()).isEqualTo(200);

        // when an administrator deletes it, the request's history still reads, saying the version was removed
        assertThat(api.send(api.requestAs("/engine-rest/deployment/" + deployment, "admin").DELETE()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> history = api.get("/api/requests/" + key + "/history", "manager.sun");
        assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        assertThat(history.body()).contains("SLA targets, trial (version removed)");
        assertThat(api.get("/api/requests/" + key + "/diagram", "manager.sun").statusCode()).isEqualTo(200);
    }

    @Test
    void aSurveyLinkForARequestThatWasNeverClosedIsRefused() throws Exception {
        // given a forged (validly signed) link for a new request
        String key = created();
        String link = surveyLinks.linkFor(key, ServiceRequestProcess.now());
        String path = link.substring(link.indexOf("/survey/"));

        // when the page is opened and an answer sent with a valid session and CSRF token (from the support form)
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(api.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String support = browser.send(HttpRequest.newBuilder(api.uri("/support")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(support);
        assertThat(token.find()).as(support).isTrue();
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("score=5&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());

        // then both are refused and the request has no score
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(requests.findByRequestKey(key).orElseThrow().getSatisfactionScore()).isNull();
    }

    private String created() throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("category", "FAULT")
                .put("product", "Router X1").put("subject", "Outage at our headquarters")
                .put("description", "Nothing works since 9:00").put("externalId", "tamper-" + UUID.randomUUID());
        body.putObject("customer").put("id", "acme").put("name", "Acme Ltd").put("email", "ops@acme.example")
                .put("tier", "VIP");
        HttpResponse<String> created = api.post("/api/requests", "intake", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("key").asText();
    }

    /** Everything an agent might want to bend: timer jobs, the task's dates, candidates, and the routed team. */
    private String snapshot(String key, String task) throws Exception {
        JsonNode detail = api.getJson("/engine-rest/task/" + task, "admin");
        return String.join(" | ", jobDueDates(key).toString(), detail.path("due").asText(),
                detail.path("followUp").asText(), detail.path("priority").asText(),
                api.get("/engine-rest/task/" + task + "/identity-links", "admin").body(),
                api.getJson("/api/requests/" + key, "intake").path("team").asText(),
                api.getJson("/api/requests/" + key, "intake").path("clocks").findValuesAsText("dueAt").toString());
    }

    private List<String> jobDueDates(String key) throws Exception {
        String instance = api.getJson("/engine-rest/process-instance?businessKey=" + key, "admin").get(0).path("id")
                .asText();
        List<String> dues = new ArrayList<>();
        api.getJson("/engine-rest/job?processInstanceId=" + instance, "admin")
                .forEach(job -> dues.add(instant(job.path("dueDate").asText())));
        return dues.stream().sorted().toList();
    }

    /** 2024-01-01T10:00:00.000+0000 → 2024-01-01T10:00:00Z, as our API writes instants. */
    private static String instant(String engineDate) {
        return java.time.OffsetDateTime.parse(engineDate,
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toString();
    }

    private HttpResponse<String> put(String path, String body) throws Exception {
        return api.send(api.requestAs(path, AGENT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long count(String path) throws Exception {
        return api.getJson(path, "admin").path("count").asLong();
    }

    /** Who did what the history's entries with {@code field} = {@code value} tell, as a manager reads it. */
    private List<String> usersInHistory(String key, String field, String value) throws Exception {
        List<String> users = new ArrayList<>();
        api.getJson("/api/requests/" + key + "/history", "manager.sun").forEach(entry -> {
            if (entry.path(field).asText().equals(value)) {
                users.add(entry.path("user").asText());
            }
        });
        return users;
    }

    private String status(String key) throws Exception {
        return api.getJson("/api/requests/" + key, "intake").path("status").asText();
    }

    private static JsonNode clock(JsonNode request, String metric) {
        for (JsonNode clock : request.path("clocks")) {
            if (clock.path("metric").asText().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + request);
    }

    private String resource(String path) throws Exception {
        try (var in = getClass().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
