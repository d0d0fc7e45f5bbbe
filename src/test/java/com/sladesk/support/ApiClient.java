package com.sladesk.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Real HTTP calls into the running app, with HTTP basic as the given demo user. */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json;
    private final int port;

    public ApiClient(ObjectMapper json, int port) {
        this.json = json;
        this.port = port;
    }

    public HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, DEMO_PASSWORD);
    }

    public HttpResponse<String> get(String path, String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).GET());
    }

    /** A request to {@code path} with {@code user}'s credentials, for headers of the caller's choosing. */
    public HttpRequest.Builder requestAs(String path, String user) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, DEMO_PASSWORD));
    }

    public HttpResponse<String> anonymousGet(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public JsonNode getJson(String path, String user) throws Exception {
        return json.readTree(get(path, user).body());
    }

    public HttpResponse<String> post(String path, String user, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, DEMO_PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(text)));
    }

    public HttpResponse<String> patch(String path, String user, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, DEMO_PASSWORD))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    /** The demo agent who works the queue of the team the request was routed to. */
    public String agentOf(String key) throws Exception {
        String team = getJson("/api/requests/" + key, "intake").path("team").asText();
        return switch (team) {
            case "service-desk" -> "agent.li";
            case "tech-support" -> "agent.wang";
            default -> throw new AssertionError("no demo agent in team " + team);
        };
    }

    /** What the job executor does once the instants pass: runs the request's due jobs, as an admin. */
    public void executeDueJobs(String key) throws Exception {
        String instance = getJson("/api/requests/" + key, "intake").path("processInstanceId").asText();
        for (int round = 0; round < 10; round++) {
            JsonNode jobs = getJson("/engine-rest/job?executable=true&processInstanceId=" + instance, "admin");
            if (jobs.isEmpty()) {
                return;
            }
            HttpResponse<String> executed = post("/engine-rest/job/" + jobs.get(0).path("id").asText() + "/execute",
                    "admin", "");
            if (executed.statusCode() != 204) {
                throw new AssertionError("job not executed: " + executed.statusCode() + " " + executed.body());
            }
        }
    }

    /** The request view's clock of {@code metric}. */
    public static JsonNode clock(JsonNode request, String metric) {
        for (JsonNode clock : request.path("clocks")) {
            if (clock.path("metric").asText().equals(metric)) {
                return clock;
            }
        }
        throw new AssertionError("no " + metric + " clock in " + request);
    }

    /** The id of the request's one open task that {@code user} may see. */
    public String onlyTaskOf(String key, String user) throws Exception {
        JsonNode tasks = json.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + key, user).body());
        if (tasks.size() != 1) {
            throw new AssertionError("expected one task of " + key + " for " + user + ", found " + tasks);
        }
        return tasks.get(0).path("id").asText();
    }

    /** Claims a task and submits its form with string variables, as Tasklist does; fails unless accepted. */
    public void claimAndSubmit(String taskId, String user, String... namesAndValues) throws Exception {
        post("/engine-rest/task/" + taskId + "/claim", user, "{\"userId\":\"" + user + "\"}");
        submitForm(taskId, user, namesAndValues);
    }

    /** Submits a task's form with string variables, as Tasklist does; fails unless accepted. */
    public void submitForm(String taskId, String user, String... namesAndValues) throws Exception {
        ObjectNode body = json.createObjectNode();
        ObjectNode variables = body.putObject("variables");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.putObject(namesAndValues[i]).put("value", namesAndValues[i + 1]).put("type", "String");
        }
        HttpResponse<String> response = post("/engine-rest/task/" + taskId + "/submit-form", user, body);
        if (response.statusCode() != 204 && response.statusCode() != 200) {
            throw new AssertionError("submit-form answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** A multipart deployment as Camunda Modeler sends it to POST /engine-rest/deployment/create. */
    public HttpResponse<String> deploy(String user, String deploymentName, String fileName, String content)
            throws Exception {
        String boundary = "----sladesk" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Authorization", basic(user, DEMO_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
