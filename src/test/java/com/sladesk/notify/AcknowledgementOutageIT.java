package com.sladesk.notify;

import static com.sladesk.support.ApiClient.clock;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.support.ApiClient;
import com.sladesk.support.Eventually;
import com.sladesk.support.ShortTargets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * An SMTP outage over HTTP, in real time: a designer gives API requests a 6-second acknowledgement target, the
 * mail server refuses the acknowledgement, and the ACKNOWLEDGEMENT clock breaches on time, saying why, in the
 * request view and its history; nothing else of the request changes, and the mail goes out once the server is
 * back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcknowledgementOutageIT {

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired OutboxDispatcher outbox;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void anAcknowledgementTheMailServerRefusesBreachesOnTimeAndSaysWhy() throws Exception {
        // given API requests acknowledged within 6 seconds (warning at half of it), and no SMTP server running
        ShortTargets.deploy(api, "PT1H", "PT4H", 50, "PT6S");

        // when a request arrives and the outbox tries to send its acknowledgement
        String customerEmail = "billing-" + UUID.randomUUID() + "@initech.example";
        String key = created(customerEmail);
        JsonNode taken = request(key);
        Instant receivedAt = Instant.parse(taken.path("receivedAt").asText());
        assertThat(clock(taken, "ACKNOWLEDGEMENT").path("target").asText()).isEqualTo("PT6S");
        String agentsTask = agentsTask(key);
        Long requestId = jdbc.queryForObject("select id from service_request where request_key = ?", Long.class, key);
        // and, as the outbox's poll and the job executor would, the outbox sends what is due (50 rows a round,
        // oldest first: rows earlier tests left undelivered come before it) and the timers run once their instants
        // pass (6 seconds of real time)
        JsonNode breached = Eventually.await("the acknowledgement's breach", Duration.ofSeconds(30), () -> {
            outbox.dispatchDue(Instant.now());
            api.executeDueJobs(key);
            JsonNode now = request(key);
            return "BREACHED".equals(clock(now, "ACKNOWLEDGEMENT").path("state").asText()) ? Optional.of(now)
                    : Optional.empty();
        });
        assertThat(jdbc.queryForMap("select status, attempts, last_error from notification where request_id = ?"
                + " and kind = 'ACKNOWLEDGEMENT'", requestId)).satisfies(row -> {
                    assertThat(row.get("STATUS")).isEqualTo("PENDING");
                    assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
                    assertThat((String) row.get("LAST_ERROR")).contains("Connection refused");
                });

        // then it warned at 3 s and breached at 6 s after receipt, saying why, and the team leads were told
        List<JsonNode> events = new ArrayList<>();
        breached.path("events").forEach(e -> {
            if (e.path("metric").asText().equals("ACKNOWLEDGEMENT")) {
                events.add(e);
            }
        });
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("WARNING", "BREACHED",
                "ESCALATED");
        // (in real time: the timer ran when this test, playing the job executor, next looked; the process tests
        // show the exact instants with the engine clock moved)
        assertThat(Instant.parse(events.get(0).path("at").asText()))
                .isBetween(receivedAt.plusSeconds(3), receivedAt.plusSeconds(4));
        assertThat(Instant.parse(events.get(1).path("at").asText()))
                .isBetween(receivedAt.plusSeconds(6), receivedAt.plusSeconds(7));
        String reason = events.get(1).path("reason").asText();
        assertThat(reason).startsWith("acknowledgement not delivered yet after 1 attempt: ")
                .contains("Connection refused");
        assertThat(events.get(2).path("group").asText()).isEqualTo("team-leads");
        assertThat(breached.path("breached").asBoolean()).isTrue();

        // and the manager's history says it in words
        List<String> steps = new ArrayList<>();
        api.getJson("/api/requests/" + key + "/history/readable", "manager.sun").path("steps")
                .forEach(step -> steps.add(step.path("what").asText()));
        assertThat(steps).anySatisfy(step -> assertThat(step).startsWith("Breached acknowledgement")
                .endsWith(" — " + reason));

        // and nothing else of the request changed: the other clocks run untouched, the reply is still to come
        assertThat(clock(breached, "FIRST_RESPONSE").path("state").asText()).isEqualTo("RUNNING");
        assertThat(clock(breached, "RESOLUTION").path("state").asText()).isEqualTo("RUNNING");
        assertThat(breached.path("status").asText()).isEqualTo("NEW");
        assertThat(breached.path("events").size()).isEqualTo(events.size());
        // (the acknowledgement is the outbox's work: the agents' task keeps its priority and its candidates)
        assertThat(agentsTask(key)).isEqualTo(agentsTask);

        // when the mail server is back and the outbox retries
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        try {
            Instant back = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
            Eventually.await("the acknowledgement sent", Duration.ofSeconds(30), () -> {
                outbox.dispatchDue(back);
                return "SENT".equals(jdbc.queryForObject("select status from notification where request_id = ? and "
                        + "kind = 'ACKNOWLEDGEMENT'", String.class, requestId)) ? Optional.of(true) : Optional.empty();
            });

            // then the customer gets the acknowledgement once, and its clock stops late, breached
            assertThat(smtp.getReceivedMessagesForDomain(customerEmail)).extracting(AcknowledgementOutageIT::subjectOf)
                    .containsExactly("[" + key + "] We received your request");
            JsonNode delivered = request(key);
            assertThat(clock(delivered, "ACKNOWLEDGEMENT").path("state").asText()).isEqualTo("BREACHED");
            // (at the database's precision: MariaDB through Connector/J keeps whole seconds here)
            assertThat(Instant.parse(clock(delivered, "ACKNOWLEDGEMENT").path("stoppedAt").asText()))
                    .isAfterOrEqualTo(back.truncatedTo(ChronoUnit.SECONDS));
            List<String> late = new ArrayList<>();
            delivered.path("events").forEach(e -> late.add(e.path("metric").asText() + "/" + e.path("type").asText()
                    + "/" + e.path("reason").asText()));
            assertThat(late).last().isEqualTo("ACKNOWLEDGEMENT/STOPPED/delivered");
            assertThat(delivered.path("processInstanceId").asText()).satisfies(instance -> assertThat(api.getJson(
                    "/engine-rest/execution?processInstanceId=" + instance + "&activityId=Task_AwaitAcknowledgement",
                    "admin")).isEmpty());
        } finally {
            smtp.stop();
        }
    }

    /** The open Respond to customer task as the engine's REST API tells it: id, priority, candidate groups. */
    private String agentsTask(String key) throws Exception {
        JsonNode task = api.getJson("/engine-rest/task?processInstanceBusinessKey=" + key, "admin").get(0);
        List<String> groups = new ArrayList<>();
        api.getJson("/engine-rest/task/" + task.path("id").asText() + "/identity-links?type=candidate", "admin")
                .forEach(link -> groups.add(link.path("groupId").asText()));
        groups.sort(null);
        return task.path("id").asText() + " " + task.path("name").asText() + " priority "
                + task.path("priority").asInt() + " " + groups;
    }

    private String created(String email) throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "API").put("externalId", UUID.randomUUID().toString())
                .put("category", "BILLING").put("subject", "Invoice total looks wrong");
        body.putObject("customer").put("id", "initech-" + UUID.randomUUID()).put("name", "Initech")
                .put("email", email).put("tier", "STANDARD");
        HttpResponse<String> response = api.post("/api/requests", "intake", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("key").asText();
    }

    private JsonNode request(String key) throws Exception {
        return api.getJson("/api/requests/" + key, "intake");
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
