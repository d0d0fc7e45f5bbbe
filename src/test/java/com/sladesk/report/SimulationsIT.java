package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sladesk.support.ApiClient;

/**
 * What-if over HTTP against figures worked out by hand: ten requests received in March 2023 (report zone
 * Asia/Shanghai) with known business times, on the targets the deployed SlaTargets gives them; a candidate that
 * answers VIP requests outside phone and chat within 10 minutes instead of 15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationsIT {

    static final String PERIOD = "2023-03-01/2023-03-31";
    /** The open request arrived at 10:00 in Shanghai on 20 March; it is 10:12 there. */
    static final Instant NOW = Instant.parse("2023-03-20T02:12:00Z");
    static final Path TABLE = Path.of("decisions", "sla-targets.dmn");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identityService;

    private ApiClient api;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    @BeforeAll
    void seed() throws Exception {
        long first = new JdbcTemplate(dataSource).queryForObject(
                "select coalesce(max(id), 0) + 300000 from service_request", Long.class);
        List<ReportData.Request> requests = new ArrayList<>();
        // name, tier, channel, priority, first response (s), resolution (s) or null while open; targets as
        // SlaTargets gives them: VIP urgent by e-mail 15 min / 4 h, by phone 5 min / 4 h, gold urgent by e-mail
        // 30 min / 8 h, standard normal by e-mail 4 h / 3 d; expert response for VIP urgent 5 min
        requests.add(request(first, "vip-5min", "VIP", "EMAIL", "URGENT", 300L, 7_200L, 900, 14_400, 1));
        requests.add(request(first, "vip-9min", "VIP", "EMAIL", "URGENT", 540L, 10_800L, 900, 14_400, 2));
        requests.add(request(first, "vip-12min", "VIP", "EMAIL", "URGENT", 720L, 9_000L, 900, 14_400, 3));
        requests.add(request(first, "vip-15min", "VIP", "EMAIL", "URGENT", 900L, 12_000L, 900, 14_400, 4));
        requests.add(request(first, "vip-20min", "VIP", "EMAIL", "URGENT", 1_200L, 18_000L, 900, 14_400, 5));
        requests.add(request(first, "vip-phone-7min", "VIP", "PHONE", "URGENT", 420L, 3_600L, 300, 14_400, 6));
        requests.add(request(first, "standard-3h", "STANDARD", "EMAIL", "NORMAL", 10_800L, 86_400L, 14_400, 259_200,
                7));
        requests.add(request(first, "gold-12min", "GOLD", "EMAIL", "URGENT", 720L, 20_000L, 1_800, 28_800, 8));
        ReportData.Request withExperts = request(first, "vip-experts", "VIP", "EMAIL", "URGENT", 360L, 10_000L, 900,
                14_400, 9);
        List<ReportData.Clock> clocks = new ArrayList<>(withExperts.clocks());
        clocks.add(ReportData.stopped("EXPERT_RESPONSE", 600, 300, 1_200));
        requests.add(withRequest(withExperts, clocks));
        requests.add(request(first, "vip-open", "VIP", "EMAIL", "URGENT", null, null, 900, 14_400, 20));
        ReportData.write(dataSource, requests);
    }

    /** A request received at 10:00 Shanghai time on {@code day} of March 2023 with its clocks on the 24x7 calendar. */
    private ReportData.Request request(long first, String name, String tier, String channel, String priority,
            Long firstResponse, Long resolution, long frtTarget, long ttrTarget, int day) {
        long id = first + ids.size();
        ids.put(name, id);
        List<ReportData.Clock> clocks = new ArrayList<>();
        clocks.add(firstResponse == null ? new ReportData.Clock("FIRST_RESPONSE", 0, frtTarget, null, false, 0)
                : ReportData.stopped("FIRST_RESPONSE", 0, frtTarget, firstResponse));
        clocks.add(resolution == null ? new ReportData.Clock("RESOLUTION", 0, ttrTarget, null, false, 0)
                : ReportData.stopped("RESOLUTION", 0, ttrTarget, resolution));
        boolean open = resolution == null;
        long queue = firstResponse == null ? 0 : firstResponse;
        return new ReportData.Request(id, "SR-%06d".formatted(id), Instant.parse("2023-03-%02dT02:00:00Z"
                .formatted(day)), channel, "FAULT", "tech-support", tier, priority, "agent.sim", open, queue, 0,
                open ? 0 : resolution - queue, 0, 0, clocks);
    }

    private static ReportData.Request withRequest(ReportData.Request r, List<ReportData.Clock> clocks) {
        return new ReportData.Request(r.id(), r.key(), r.receivedAt(), r.channel(), r.category(), r.team(), r.tier(),
                r.priority(), r.agent(), r.open(), r.queue(), r.withAgent(), r.work(), r.experts(), r.rest(), clocks);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
        // a wrong password another test sent left a lock until then (real time), which lies ahead of 2023
        for (String user : List.of("manager.sun", "designer", "director.zhou", "agent.li")) {
            identityService.unlockUser(user);
        }
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void aTighterVipTargetFlipsExactlyTheClocksBetweenTenAndFifteenMinutes() throws Exception {
        // given the table as deployed, with VIP first response by e-mail (and web, ...) at 10 minutes
        String candidate = Files.readString(TABLE).replace(
                "<outputEntry id=\"OutputEntry_VipUrgent_FirstResponseTarget\">\n          <text>\"PT15M\"</text>",
                "<outputEntry id=\"OutputEntry_VipUrgent_FirstResponseTarget\">\n          <text>\"PT10M\"</text>");
        assertThat(candidate).isNotEqualTo(Files.readString(TABLE));
        String before = fingerprint();

        // when a manager tries it on March 2023, by customer tier
        HttpResponse<String> response = simulate("manager.sun", candidate, "groupBy", "tier");

        // then the 12- and 15-minute answers by e-mail and the open request at 12 minutes breach; nothing else flips
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("flipped")).hasSize(3);
        assertThat(result.path("flippedCount").asLong()).isEqualTo(3);
        assertThat(flips(result)).containsExactlyInAnyOrder(
                key("vip-12min") + " FIRST_RESPONSE MET->BREACHED 720 PT10M",
                key("vip-15min") + " FIRST_RESPONSE MET->BREACHED 900 PT10M",
                key("vip-open") + " FIRST_RESPONSE RUNNING->BREACHED 720 PT10M");
        JsonNode flip = result.path("flipped").get(0);
        assertThat(flip.path("currentTarget").asText()).isEqualTo("PT15M");
        assertThat(Instant.parse(flip.path("candidateDueAt").asText())).isEqualTo(
                Instant.parse("2023-03-03T02:10:00Z"));

        // and the figures, worked out by hand: VIP first response met 5 of 7 (5, 9, 12, 15 min by e-mail and
        // 6 min with experts; 20 min by e-mail and 7 min by phone breached) now, 3 of 8 under the candidate
        JsonNode vipNow = group(result.path("current"), "tier", "VIP");
        JsonNode vipThen = group(result.path("candidate"), "tier", "VIP");
        assertThat(vipNow.path("requests").asLong()).isEqualTo(8);
        assertCompliance(vipNow.path("firstResponse"), 5, 2, 71.4);
        assertCompliance(vipThen.path("firstResponse"), 3, 5, 37.5);
        // resolution (4 h): 20,000 s... only 5 h breached; expert response 20 min of 5 breached; both unchanged
        assertCompliance(vipNow.path("resolution"), 6, 1, 85.7);
        assertCompliance(vipThen.path("resolution"), 6, 1, 85.7);
        assertCompliance(vipThen.path("expertResponse"), 0, 1, 0.0);
        assertThat(vipNow.path("breaches").asLong()).isEqualTo(4);
        assertThat(vipThen.path("breaches").asLong()).isEqualTo(7);
        assertThat(vipNow.path("breachedRequests").asLong()).isEqualTo(3);
        assertThat(vipThen.path("breachedRequests").asLong()).isEqualTo(6);
        // gold (12 of 30 min) and standard (3 of 4 h) keep their targets and their figures
        for (String tier : new String[] {"GOLD", "STANDARD"}) {
            assertThat(group(result.path("candidate"), "tier", tier)).isEqualTo(group(result.path("current"), "tier",
                    tier));
            assertCompliance(group(result.path("candidate"), "tier", tier).path("firstResponse"), 1, 0, 100.0);
        }
        assertThat(result.path("current").path("total").path("requests").asLong()).isEqualTo(10);
        assertCompliance(result.path("candidate").path("total").path("firstResponse"), 5, 5, 50.0);
        assertThat(result.path("calendarChanges").asLong()).isZero();

        // and the current side is the SLA report's
        JsonNode report = api.getJson("/api/reports/sla?from=2023-03-01&to=2023-03-31&groupBy=tier", "manager.sun");
        for (JsonNode row : report.path("rows")) {
            JsonNode now = group(result.path("current"), "tier", row.path("group").path("tier").asText());
            assertThat(now.path("requests")).isEqualTo(row.path("requests"));
            for (String clock : new String[] {"firstResponse", "expertResponse", "resolution"}) {
                assertThat(now.path(clock)).isEqualTo(row.path(clock));
            }
            assertThat(now.path("breaches")).isEqualTo(row.path("breaches"));
            assertThat(now.path("breachedRequests")).isEqualTo(row.path("breachedRequests"));
        }

        // and a caller may list fewer flips, and still learns how many there are
        JsonNode capped = json.readTree(simulate("manager.sun", candidate, "flipLimit", "1").body());
        assertThat(capped.path("flipped")).hasSize(1);
        assertThat(capped.path("flippedCount").asLong()).isEqualTo(3);

        // and nothing was deployed, no clock or report row changed
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theTableAsDeployedFlipsNothingWhetherUploadedOrNamed() throws Exception {
        String before = fingerprint();

        // when a designer uploads the table as it is, and a director names the deployed version of that file
        HttpResponse<String> uploaded = simulate("designer", Files.readString(TABLE), "groupBy", "team,priority");
        String sameVersion = repository.createDecisionDefinitionQuery().decisionDefinitionKey("SlaTargets").list()
                .stream().filter(this::isTheFile).map(DecisionDefinition::getId).findFirst().orElseThrow();
        HttpResponse<String> named = simulate("director.zhou", null, "decisionDefinitionId", sameVersion);

        // then no clock flips and both sides have the same figures
        for (HttpResponse<String> response : List.of(uploaded, named)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode result = json.readTree(response.body());
            assertThat(result.path("flipped")).isEmpty();
            assertThat(result.path("candidate")).isEqualTo(result.path("current"));
            assertThat(result.path("current").path("total").path("requests").asLong()).isEqualTo(10);
            assertCompliance(result.path("current").path("total").path("firstResponse"), 7, 2, 77.8);
        }
        assertThat(json.readTree(named.body()).path("candidateTable").asText()).contains(sameVersion);
        assertThat(api.getJson("/api/simulations/versions", "designer").findValuesAsText("id")).contains(sameVersion);
        // and a designer gets the page with its script and style (managers' other pages stay closed to him)
        for (String path : List.of("/manager/simulate", "/manager/simulate.js", "/manager/manager.css")) {
            assertThat(api.get(path, "designer").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/manager", "designer").statusCode()).isEqualTo(403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void aTableOutsideTheContractALongPeriodAndStrangersAreRefusedAndNothingChanges() throws Exception {
        String before = fingerprint();
        String table = Files.readString(TABLE);

        // a table that reads the region instead of the channel
        HttpResponse<String> otherInput = simulate("manager.sun", table.replace("<text>channel</text>",
                "<text>region</text>"));
        // one that drops the calendar output
        HttpResponse<String> noCalendar = simulate("manager.sun", table.replace("name=\"calendar\"",
                "name=\"calendarName\""));
        // an XML external entity reading a file of the server
        HttpResponse<String> entity = simulate("manager.sun", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x "
                + "SYSTEM \"file:///etc/passwd\">]>\n" + table.substring(table.indexOf("<definitions")).replace(
                        "name=\"SLA targets\"", "name=\"&x;\""));
        HttpResponse<String> notDmn = simulate("manager.sun", "this is not XML");
        // a cell that is not FEEL (a quote left open)
        HttpResponse<String> badCell = simulate("manager.sun", table.replace("<text>\"PT15M\"</text>",
                "<text>\"PT15M</text>"));
        HttpResponse<String> badLimit = simulate("manager.sun", table, "flipLimit", "1000000");
        // a multipart body without its boundary
        HttpResponse<String> noBoundary = api.send(api.requestAs("/api/simulations", "manager.sun")
                .header("Content-Type", "multipart/form-data").POST(HttpRequest.BodyPublishers.ofString("x")));
        HttpResponse<String> tooLong = simulate("manager.sun", table, "from", "2022-01-01", "to", "2023-03-01");
        HttpResponse<String> nothing = simulate("manager.sun", null, "from", "2023-03-01");
        HttpResponse<String> unknownVersion = simulate("manager.sun", null, "decisionDefinitionId", "no-such-id");
        HttpResponse<String> agent = simulate("agent.li", table);
        HttpResponse<String> anonymous = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/simulations")).POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(otherInput, 400, "missing inputs channel");
        assertThat(otherInput.body()).contains("inputs not in the contract region");
        assertProblem(noCalendar, 400, "missing outputs calendar");
        assertProblem(entity, 400, "document type");
        assertThat(entity.body()).doesNotContain("root:");
        assertProblem(notDmn, 400, "not a DMN");
        assertProblem(badCell, 400, "candidate: ");
        assertProblem(badLimit, 400, "flipLimit");
        assertProblem(noBoundary, 400, "multipart");
        assertProblem(tooLong, 400, "400 days");
        assertProblem(nothing, 400, "decisionDefinitionId");
        assertProblem(unknownVersion, 400, "no-such-id");
        assertThat(agent.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(fingerprint()).isEqualTo(before);
    }

    private boolean isTheFile(DecisionDefinition definition) {
        try (var model = repository.getDecisionModel(definition.getId())) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8).equals(Files.readString(TABLE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs multipart: the candidate file (if any) and the fields; March 2023 unless the fields say otherwise. */
    private HttpResponse<String> simulate(String user, String candidate, String... fields) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", "2023-03-01");
        values.put("to", "2023-03-31");
        for (int i = 0; i < fields.length; i += 2) {
            values.put(fields[i], fields[i + 1]);
        }
        String boundary = "----sla-desk-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : values.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (candidate != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"candidate\"; "
                    + "filename=\"sla-targets.dmn\"\r\nContent-Type: application/xml\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(candidate.getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(api.requestAs("/api/simulations", user)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Everything a simulation must not change: deployments, clocks and report rows of the database. */
    private String fingerprint() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Long.class) + "/"
                + jdbc.queryForObject("select count(*) from ACT_RE_DECISION_DEF", Long.class) + "/"
                + jdbc.queryForList("select request_id, metric, target, state, elapsed_seconds, ever_breached, version "
                        + "from sla_clock order by request_id, metric") + "/"
                + jdbc.queryForList("select * from request_report order by request_id");
    }

    private String key(String name) {
        return "SR-%06d".formatted(ids.get(name));
    }

    private static List<String> flips(JsonNode result) {
        List<String> flips = new ArrayList<>();
        result.path("flipped").forEach(f -> flips.add(f.path("key").asText() + " " + f.path("metric").asText() + " "
                + f.path("current").asText() + "->" + f.path("candidate").asText() + " "
                + f.path("elapsedSeconds").asLong() + " " + f.path("candidateTarget").asText()));
        return flips;
    }

    private static JsonNode group(JsonNode figures, String dimension, String value) {
        for (JsonNode group : figures.path("groups")) {
            if (value.equals(group.path("group").path(dimension).asText())) {
                return group;
            }
        }
        throw new AssertionError("no group " + dimension + "=" + value + " in " + figures);
    }

    private static void assertCompliance(JsonNode compliance, long met, long breached, double percent) {
        assertThat(compliance.path("met").asLong()).as("met in " + compliance).isEqualTo(met);
        assertThat(compliance.path("breached").asLong()).as("breached in " + compliance).isEqualTo(breached);
        assertThat(compliance.path("percent").asDouble()).as("percent in " + compliance).isEqualTo(percent);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains(detail);
    }
}
