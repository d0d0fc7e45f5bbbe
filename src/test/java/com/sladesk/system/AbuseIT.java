package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.notify.Signatures;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.support.ApiClient;
import com.sladesk.support.WebappSession;
import com.sladesk.survey.SurveyLinks;

/**
 * A stranger with nothing but an HTTP client: wrong passwords, huge bodies, cross-site posts and malformed
 * input. Each attack fails with a clear 4xx, and the desk keeps serving everyone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AbuseIT {

    private static final long HUGE = 500L * 1024 * 1024;

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;
    @Autowired SurveyLinks surveyLinks;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void wrongPasswordsFromOneAddressAreThrottledThereAndNeverLockTheUserOut() throws Exception {
        // when a stranger on another address sends 200 wrong passwords for admin, half of them spelt "basic:"
        List<Integer> statuses = new ArrayList<>();
        String lastRetryAfter = null;
        long flood = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            RawResponse response = raw("127.0.0.2", "GET /api/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + spelt(i, ApiClient.basic("admin", "guess-" + i)) + "\r\nConnection: close\r\n\r\n",
                    null, 0);
            statuses.add(response.status());
            if (response.status() == 429) {
                lastRetryAfter = response.header("Retry-After");
            }
        }

        System.out.printf("Login flood: 200 wrong passwords from 127.0.0.2 answered in %d ms%n",
                (System.nanoTime() - flood) / 1_000_000);

        // then after a handful of 401s he gets 429 with Retry-After, on every kind of login
        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 200)).containsOnly(429);
        assertThat(lastRetryAfter).isNotNull();
        assertThat(Integer.parseInt(lastRetryAfter)).isBetween(1, 300);
        assertThat(raw("127.0.0.2", "GET /engine-rest/user HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + ApiClient.basic("admin", "demo") + "\r\nConnection: close\r\n\r\n", null, 0).status())
                .isEqualTo(429);
        String login = "username=admin&password=demo";
        assertThat(raw("127.0.0.2", "POST /camunda/api/admin/auth/user/default/login/cockpit HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + login.length() + "\r\nConnection: close\r\n\r\n" + login, null, 0).status()).isEqualTo(429);

        // and admin, from his own address, logs in at once with the right password
        long started = System.nanoTime();
        assertThat(api.get("/api/requests", "admin").statusCode()).isEqualTo(200);
        assertThat(api.get("/engine-rest/user/admin/profile", "admin").statusCode()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void wrongAndRightPasswordsForOneUserAtOnceAnswerOnly401Or200() throws Exception {
        // when strangers on 40 addresses send wrong passwords for agent.li while agent.li logs in, all at once
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String address = "127.0.1." + (10 + i % 40);
            String password = i % 2 == 0 ? "guess-" + i : ApiClient.DEMO_PASSWORD;
            answers.add(pool.submit(() -> raw(address, "GET /api/requests HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + ApiClient.basic("agent.li", password) + "\r\nConnection: close\r\n\r\n",
                    null, 0).status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        // then each is refused or let in, none fails with 500, and agent.li is not locked out
        assertThat(statuses).containsOnly(200, 401).contains(200, 401);
        assertThat(api.get("/api/requests", "agent.li").statusCode()).isEqualTo(200);
    }

    /** Spring reads any header starting with "Basic" (any case) as basic credentials from the sixth character. */
    private static String spelt(int attempt, String basic) {
        return attempt % 2 == 0 ? basic : "basic:" + basic.substring("Basic ".length());
    }

    @Test
    void hugeBodiesAreRefusedBeforeTheyAreReadWhileNormalIntakeGoesOn() throws Exception {
        // given three 500 MB uploads to the webhook and to intake, with and without a Content-Length
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> huge = new ArrayList<>();
        huge.add(pool.submit(() -> upload("POST /api/channels/chat/events HTTP/1.1", true)));
        huge.add(pool.submit(() -> upload("POST /api/requests HTTP/1.1", true)));
        huge.add(pool.submit(() -> upload("POST /api/requests HTTP/1.1", false)));

        // when normal intake goes on at the same time
        List<Integer> normal = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            normal.add(api.post("/api/requests", "intake", validRequest()).statusCode());
        }

        // then every normal request succeeds, the huge ones get 413, and the desk is healthy
        assertThat(normal).containsOnly(201);
        for (Future<Integer> upload : huge) {
            assertThat(upload.get()).isEqualTo(413);
        }
        pool.shutdown();
        assertThat(api.anonymousGet("/actuator/health").statusCode()).isEqualTo(200);
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("Huge uploads: heap used %d MB of -Xmx %d MB%n", used >> 20, runtime.maxMemory() >> 20);
        assertThat(used).isLessThan(runtime.maxMemory() / 2);

        // and a deployment gets its own, larger limit
        HttpResponse<String> largeModel = api.deploy("designer", "too large", "big.bpmn", "x".repeat(1_100_000));
        assertThat(largeModel.statusCode()).isEqualTo(413);
        assertThat(largeModel.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void aCrossSiteFormPostRidingOnABrowsersLoginChangesNothing() throws Exception {
        // given a resolved request
        String key = resolved();

        // when another site makes the manager's browser post a text/plain form with his cached login
        HttpResponse<String> forged = api.send(api.requestAs("/api/requests/" + key + "/confirm", "manager.sun")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x=y")));
        HttpResponse<String> forgedForm = api.send(api.requestAs("/api/requests/" + key + "/reopen", "manager.sun")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("x=y")));

        // or a bodiless no-cors fetch or beacon, or a form to the path spelt with an escape
        HttpResponse<String> beacon = api.send(api.requestAs("/api/requests/" + key + "/confirm", "manager.sun")
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> fetched = api.send(api.requestAs("/api/requests/" + key + "/reopen", "manager.sun")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> escaped = api.send(api.requestAs("/%61pi/requests/" + key + "/confirm", "manager.sun")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x=y")));

        // then all are refused and the request stays resolved
        assertThat(forged.statusCode()).isEqualTo(415);
        assertThat(forgedForm.statusCode()).isEqualTo(415);
        assertThat(beacon.statusCode()).isEqualTo(403);
        assertThat(fetched.statusCode()).isEqualTo(403);
        assertThat(escaped.statusCode()).isEqualTo(415);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.getJson("/api/requests/" + key, "intake").path("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void staffLoggedIntoTheWebappsReadOurPagesWithoutAnotherLoginButChangeNothingWithThatSession() throws Exception {
        // given a resolved request and a manager logged into Cockpit and Tasklist
        String key = resolved();
        WebappSession manager = new WebappSession(api, "manager.sun");

        // when he opens the dashboard and the reports, and his session is used to confirm the request
        HttpResponse<String> dashboard = manager.get("/manager");
        HttpResponse<String> reports = manager.get("/api/reports/sla");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> parallel = new ArrayList<>();
        for (String path : List.of("/api/reports/sla", "/api/reports/sla?groupBy=team", "/api/reports/workload",
                "/api/reports/at-risk", "/api/reports/breach-causes?groupBy=team",
                "/api/reports/trend?metric=frt&interval=day", "/api/reports/sla?groupBy=channel",
                "/api/reports/trend?metric=ttr&interval=day")) {
            parallel.add(pool.submit(() -> path + " " + manager.get(path).statusCode()));
        }
        for (Future<String> status : parallel) {
            assertThat(status.get(20, TimeUnit.SECONDS)).endsWith(" 200");
        }
        pool.shutdown();
        HttpResponse<String> confirm = manager.send("POST", "/api/requests/" + key + "/confirm", "");
        HttpResponse<String> loggedOut = api.anonymousGet("/manager");

        // then he reads without another prompt, the session changes nothing, and a stranger goes to the login
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("sla-desk-data");
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(confirm.statusCode()).isEqualTo(401);
        assertThat(api.getJson("/api/requests/" + key, "intake").path("status").asText()).isEqualTo("RESOLVED");
        assertThat(loggedOut.statusCode()).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/camunda/app/welcome/default/"));
        assertThat(new WebappSession(api, "agent.li").get("/manager").statusCode()).isEqualTo(403);
    }

    @Test
    void badInputAnswers400NamingTheFieldAndStoresNothing() throws Exception {
        // given
        long requests = rows("service_request");
        String far = "-999999999-01-01T00:00:00+18:00";
        ObjectNode farBack = validRequest().put("receivedAt", far);
        ObjectNode year1 = validRequest().put("receivedAt", "0001-01-01T00:00:00Z");
        ObjectNode year1900 = validRequest().put("receivedAt", "1900-01-01T00:00:00Z");
        ObjectNode nul = validRequest().put("subject", "Outage\u0000 at night");
        String valid = validRequest().toString();

        // when / then
        assertBadRequest(api.get("/api/requests?page=-1", "intake"), "page");
        assertBadRequest(api.get("/api/requests?size=0", "intake"), "size");
        assertBadRequest(api.get("/api/requests?size=201", "intake"), "size");
        assertBadRequest(api.get("/api/requests?page=2147483647", "intake"), "page");
        assertBadRequest(api.post("/api/requests", "intake", farBack), "receivedAt");
        assertBadRequest(api.post("/api/requests", "intake", year1), "receivedAt");
        assertBadRequest(api.post("/api/requests", "intake", year1900), "receivedAt");
        assertBadRequest(api.post("/api/requests", "intake", nul), "subject");
        assertBadRequest(api.post("/api/requests", "intake", valid + " trailing"), "JSON");
        assertBadRequest(api.post("/api/requests", "intake", valid.replaceFirst("\\{", "{\"subject\":\"a\",")),
                "subject");
        assertBadRequest(api.post("/api/requests", "intake", valid.replaceFirst("\\{", "{\"\":1,\"\":2,")),
                "given twice");
        HttpResponse<String> wildcard = api.send(api.requestAs("/api/requests", "intake")
                .header("Content-Type", "*/*").POST(HttpRequest.BodyPublishers.ofString(valid)));
        assertThat(wildcard.statusCode()).isEqualTo(415);
        String event = json.createObjectNode().put("eventId", "e-" + UUID.randomUUID()).put("conversationId", "c")
                .put("text", "hi").put("sentAt", far).set("customer", json.createObjectNode().put("id", "x")
                        .put("tier", "STANDARD")).toString();
        HttpResponse<String> webhook = api.send(api.requestAs("/api/channels/chat/events", "intake")
                .header("Content-Type", "application/json")
                .header("X-SlaDesk-Signature", Signatures.sign("chat-test-secret",
                        event.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(event)));
        assertBadRequest(webhook, "sentAt");
        assertThat(rows("service_request")).isEqualTo(requests);

        // and the same externalId with blanks around it, twice, is one request
        ObjectNode retry = validRequest().put("externalId", " retry-" + UUID.randomUUID() + " ");
        HttpResponse<String> first = api.post("/api/requests", "intake", retry);
        HttpResponse<String> again = api.post("/api/requests", "intake", retry);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("key")).isEqualTo(json.readTree(first.body()).path("key"));
    }

    @Test
    void aWebFormPostNamingAVipsAddressRunsOnTheDefaultTierUntilTheSenderConfirmsIt() throws Exception {
        // given a known VIP customer
        String vip = "vip-" + UUID.randomUUID();
        String email = vip + "@customer.test";
        ObjectNode known = validRequest();
        known.putObject("customer").put("id", vip).put("email", email).put("tier", "VIP");
        assertThat(api.post("/api/requests", "intake", known).statusCode()).isEqualTo(201);

        // when a stranger posts the web form with the VIP's address
        Browser browser = new Browser();
        String page = browser.get("/support").body();
        HttpResponse<String> done = browser.post("/support", Map.of("subject", "Call me at 555-0100 now",
                "description", "Urgent", "email", email, "submissionId", UUID.randomUUID().toString()), page);
        assertThat(done.statusCode()).isEqualTo(200);
        String key = field(done.body(), "id=\"request-key\">(SR-\\d+)<");

        // then the request runs on the default tier under an unconfirmed sender, and the VIP's data stays hidden
        JsonNode request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("customerTier").asText()).isEqualTo("STANDARD");
        assertThat(request.path("senderVerified").asBoolean()).isFalse();
        assertThat(request.path("customer").path("id").asText()).isEqualTo("web:" + email);
        String mail = new JdbcTemplate(dataSource).queryForObject("select n.body from notification n join "
                + "service_request r on r.id = n.request_id where r.request_key = ? and n.kind = 'ACKNOWLEDGEMENT'",
                String.class, key);
        assertThat(mail).doesNotContain("555-0100").contains("/support/confirm/");

        // when the owner of the address opens the link and confirms
        String link = field(mail, "(/support/confirm/[A-Za-z0-9.-]+)");
        String confirmPage = browser.get(link).body();
        HttpResponse<String> confirmed = browser.post(link, Map.of(), confirmPage);

        // then the request is the VIP's, on VIP targets
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        request = api.getJson("/api/requests/" + key, "intake");
        assertThat(request.path("senderVerified").asBoolean()).isTrue();
        assertThat(request.path("customer").path("id").asText()).isEqualTo(vip);
        assertThat(request.path("customerTier").asText()).isEqualTo("VIP");
        assertThat(request.path("reclassifications").size()).isEqualTo(1);
        assertThat(browser.post(link, Map.of(), confirmPage).statusCode()).isEqualTo(404);
    }

    @Test
    void theWebFormLimitsPostsPerClientAddressWhateverTheEmailAddresses() throws Exception {
        // given a client whose earlier posts (of other tests) no longer count
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String forget = "update inbound_event set client_address = null where client_address = '127.0.0.1'";
        jdbc.update(forget);
        Browser browser = new Browser();
        String page = browser.get("/support").body();

        // when the client posts with a new address each time
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12 && !statuses.contains(429); i++) {
            statuses.add(browser.post("/support", Map.of("subject", "Spam " + i, "description", "x", "email",
                    "victim-" + UUID.randomUUID() + "@elsewhere.test", "submissionId", UUID.randomUUID().toString()),
                    page).statusCode());
        }

        // then the eleventh post of the hour is refused
        assertThat(statuses).hasSize(11).endsWith(429);
        assertThat(statuses.subList(0, 10)).containsOnly(200);
        assertThat(jdbc.queryForObject("select count(*) from inbound_event where channel = 'WEB' "
                + "and client_address = '127.0.0.1'", Long.class)).isEqualTo(10);
        // the other tests' web form posts come from this address too
        jdbc.update(forget);
    }

    @Test
    void aSurveyAnswerThatIsNotANumberGetsAPlainMessageNotJavasWords() throws Exception {
        // given a closed request and its survey link
        String key = resolved();
        assertThat(api.post("/api/requests/" + key + "/confirm", "intake", "").statusCode()).isEqualTo(200);
        String link = surveyLinks.linkFor(key, ServiceRequestProcess.now());
        String path = link.substring(link.indexOf("/survey/"));
        Browser browser = new Browser();

        // when the score is not a number
        HttpResponse<String> answer = browser.post(path, Map.of("score", "abc"), browser.get(path).body());

        // then the page says so in words a customer reads
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Please enter a number").doesNotContain("For input string")
                .doesNotContain("NumberFormatException");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void ourPagesSendAContentSecurityPolicyAndNoJavaMessages() throws Exception {
        // when
        HttpResponse<String> dashboard = api.get("/manager", "manager.sun");
        HttpResponse<String> support = api.anonymousGet("/support");

        // then
        for (HttpResponse<String> page : List.of(dashboard, support)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline'; script")
                            .contains("default-src 'self'"));
            assertThat(page.body()).doesNotContainPattern("<script(?![^>]*(src=|type=\"application/json\"))");
        }
    }

    @Test
    void aThousandGeneratedBadRequestsAnswerNo5xxAndLeaveNoRequestWithoutItsProcess() throws Exception {
        // given
        Random random = new Random(20261130);
        String key = created();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Set<Long> before = new HashSet<>(jdbc.queryForList("select id from service_request",
                Long.class));
        Map<Integer, Integer> histogram = new TreeMap<>();
        List<Supplier<HttpRequest.Builder>> targets = List.of(
                () -> api.requestAs("/api/requests", "intake"),
                () -> api.requestAs("/api/requests/" + key + "/messages", "intake"),
                () -> api.requestAs("/api/requests/" + key, "lead.chen"),
                () -> api.requestAs("/api/channels/chat/events", "intake"));

        // when
        for (int i = 0; i < 1_000; i++) {
            HttpRequest.Builder request = targets.get(i % targets.size()).get()
                    .header("Content-Type", "application/json");
            String body = mutated(random);
            request = i % targets.size() == 2 ? request.method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    : request.POST(HttpRequest.BodyPublishers.ofString(body));
            int status = api.send(request).statusCode();
            histogram.merge(status, 1, Integer::sum);
        }
        for (int i = 0; i < 100; i++) {
            int status = api.get("/api/requests?" + mutatedQuery(random), "intake").statusCode();
            histogram.merge(status, 1, Integer::sum);
        }

        // then
        System.out.println("Fuzz status histogram (1,100 requests): " + histogram);
        assertThat(histogram.keySet()).allMatch(status -> status < 500);
        List<Long> halfWritten = jdbc.queryForList("""
                select r.id from service_request r
                where r.process_instance_id is null
                   or not exists (select 1 from ACT_HI_PROCINST p where p.PROC_INST_ID_ = r.process_instance_id)
                """, Long.class);
        List<Long> created = jdbc.queryForList("select id from service_request", Long.class);
        created.removeAll(before);
        assertThat(created).as("requests the fuzz created").isNotEmpty();
        assertThat(halfWritten).as("requests without their process").doesNotContainAnyElementsOf(created);
    }

    /** A valid body with one thing broken: a value of the wrong kind, out of range, or the JSON itself. */
    private String mutated(Random random) {
        ObjectNode body = validRequest();
        body.put("author", "CUSTOMER").put("body", "text").put("priority", "HIGH").put("reason", "r")
                .put("eventId", "e-" + random.nextInt(50)).put("conversationId", "c").put("text", "t");
        String[] fields = {"channel", "externalId", "receivedAt", "category", "product", "subject", "description",
            "author", "body", "priority", "customerTier", "reason", "eventId", "sentAt", "internal"};
        Object[] values = {null, "", " ", "x".repeat(5_000), -1, Long.MAX_VALUE, 1e308, true, "\u0000", "VIP",
            "9999-12-31T23:59:59Z", "-999999999-01-01T00:00:00+18:00", "0001-01-01T00:00:00Z", "not-a-date",
            "💥", "<script>alert(1)</script>", "'; drop table service_request; --", List.of(1, 2), Map.of("a", 1)};
        String field = fields[random.nextInt(fields.length)];
        Object value = values[random.nextInt(values.length)];
        body.set(field, json.valueToTree(value));
        if (random.nextInt(5) == 0) {
            ((ObjectNode) body.path("customer")).set(random.nextBoolean() ? "email" : "tier", json.valueToTree(value));
        }
        String text = body.toString();
        return switch (random.nextInt(8)) {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text + "}";
            case 2 -> "[" + text + "]";
            default -> text;
        };
    }

    private static String mutatedQuery(Random random) {
        String[] names = {"page", "size", "status", "breached", "team"};
        String[] values = {"-1", "0", "201", "2147483647", "99999999999", "abc", "", "%00", "NEW", "true"};
        return names[random.nextInt(names.length)] + "=" + values[random.nextInt(values.length)];
    }

    private void assertBadRequest(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("detail").asText()).contains(field).doesNotContain("Exception")
                .doesNotContain("java.");
    }

    private ObjectNode validRequest() {
        ObjectNode body = json.createObjectNode().put("channel", "API").put("category", "INQUIRY")
                .put("subject", "Where is my invoice?").put("receivedAt",
                        OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        body.putObject("customer").put("id", "abuse-" + UUID.randomUUID()).put("tier", "STANDARD");
        return body;
    }

    private String created() throws Exception {
        HttpResponse<String> created = api.post("/api/requests", "intake", validRequest());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("key").asText();
    }

    /** A new request, answered and resolved by its team's agent. */
    private String resolved() throws Exception {
        String key = created();
        String agent = api.agentOf(key);
        api.claimAndSubmit(api.onlyTaskOf(key, agent), agent, "reply", "On it");
        api.submitForm(api.onlyTaskOf(key, agent), agent, "outcome", "RESOLVED", "resolution", "Fixed");
        return key;
    }

    private long rows(String table) {
        return new JdbcTemplate(dataSource).queryForObject("select count(*) from " + table, Long.class);
    }

    /** A customer's browser: keeps the session cookie, posts forms with the CSRF token of the page given. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(api.uri(path)).header("Accept-Language", "en").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String pageWithToken) throws Exception {
            Map<String, String> sent = new LinkedHashMap<>(fields);
            sent.put("_csrf", field(pageWithToken, "name=\"_csrf\" value=\"([^\"]*)\""));
            String form = sent.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(api.uri(path)).header("Accept-Language", "en")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String field(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    /** 500 MB, announced by Content-Length or sent in chunks; the status the server answered. */
    private int upload(String requestLine, boolean withLength) throws IOException {
        String headers = requestLine + "\r\nHost: localhost\r\nAuthorization: " + ApiClient.basic("intake", "demo")
                + "\r\nContent-Type: application/json\r\n"
                + (withLength ? "Content-Length: " + HUGE : "Transfer-Encoding: chunked") + "\r\n\r\n";
        return raw("127.0.0.1", headers, withLength ? null : "chunked", HUGE).status();
    }

    private record RawResponse(int status, String head) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    /**
     * Sends {@code head} from {@code localAddress}, then up to {@code bodyBytes} of body (chunked when asked)
     * until the server stops reading, and reads the status line and headers of the answer.
     */
    private RawResponse raw(String localAddress, String head, String chunked, long bodyBytes) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            InputStream in = socket.getInputStream();
            try {
                // stop sending once the server has answered
                for (long sent = 0; sent < bodyBytes && in.available() == 0; sent += block.length) {
                    if (chunked != null) {
                        out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write(block);
                    if (chunked != null) {
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
                out.flush();
            } catch (IOException serverStoppedReading) {
                // the server answered and closed the connection: what it said is still to be read
            }
            // the status line and headers only: a server keeping the connection open sends no more
            StringBuilder answer = new StringBuilder();
            int next;
            while (answer.indexOf("\r\n\r\n") < 0 && (next = in.read()) >= 0) {
                answer.append((char) next);
            }
            return new RawResponse(Integer.parseInt(answer.substring(9, 12)),
                    answer.toString().split("\r\n\r\n")[0]);
        }
    }
}
