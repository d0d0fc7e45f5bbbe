package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.support.ApiClient;

/**
 * Breach risk over HTTP: a VIP outage that arrives a minute after five others waits behind them; from the
 * team's history (handling 30 s to 10 min, median 5 min 15 s) nobody can clear them in its 11 minutes left, so it
 * is at risk long before its warning, gets one RISK event and a higher task priority; the five are not at risk.
 * In January 2020, so that no other test's open request is in the queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BreachRisksIT {

    static final Instant T0 = Instant.parse("2020-01-06T02:00:00Z");

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired DataSource dataSource;
    @Autowired BreachRisks risks;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
        risks.forget();
    }

    @Test
    void aRequestBehindAQueueNobodyCanClearIsAtRiskBeforeItsWarningAndFlaggedOnce() throws Exception {
        // given the team's history of December 2019: 20 urgent faults, claimed after 1 min, answered 30 s to 10 min
        // after the claim, resolved within an hour
        long first = new JdbcTemplate(dataSource).queryForObject(
                "select coalesce(max(id), 0) + 500000 from service_request", Long.class);
        List<ReportData.Request> history = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long id = first + i;
            long handling = 30L * i;
            history.add(new ReportData.Request(id, "SR-%06d".formatted(id),
                    Instant.parse("2019-12-%02dT02:00:00Z".formatted(i)), "EMAIL", "FAULT", "tech-support", "VIP",
                    "URGENT", "agent.history", false, 60, handling, 3_000 - handling, 0, 540, List.of(
                            ReportData.stopped("FIRST_RESPONSE", 0, 900, 60 + handling),
                            ReportData.stopped("RESOLUTION", 0, 14_400, 3_600))));
        }
        ReportData.write(dataSource, history);
        risks.forget();
        ApiClient api = new ApiClient(json, port);
        // a wrong password another test sent left a lock until then (real time), which lies ahead of 2020
        for (String user : List.of("manager.sun", "intake")) {
            identityService.unlockUser(user);
        }

        // and five VIP outages at 10:00, a sixth at 10:01 (first response due 10:15 and 10:16)
        ClockUtil.setCurrentTime(Date.from(T0));
        List<String> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(outage(api));
        }
        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(60)));
        String sixth = outage(api);

        // when it is 10:05
        Instant now = T0.plusSeconds(300);
        ClockUtil.setCurrentTime(Date.from(now));
        JsonNode atRisk = api.getJson("/api/reports/at-risk", "manager.sun");

        // then the sixth is at risk, before its warning at 10:12:15, and says why; the five are not listed
        assertThat(atRisk).hasSize(1);
        JsonNode risk = atRisk.get(0);
        assertThat(risk.path("key").asText()).isEqualTo(sixth);
        assertThat(risk.path("metric").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(risk.path("breachRisk").asDouble()).isEqualTo(1.0);
        assertThat(Instant.parse(risk.path("warnAt").asText())).isAfter(now);
        assertThat(risk.path("riskReason").asText()).isEqualTo("5 tasks due earlier in tech-support, no agent active "
                + "in the last hour, median claim time 1 min, median handling 5 min 15 s, 11 min left; 0 of 14 similar "
                + "first response clocks (tech-support, URGENT, FAULT) still running after 4 min took longer than "
                + "15 min");
        // and the five, with nothing due before them and no handling time of the team over 10 min, are at 0
        assertThat(risks.assess(java.util.Map.of(), now).stream().filter(a -> five.contains(a.clock().key()))
                .map(a -> a.clock().metric() + " " + a.clock().breachRisk()))
                .hasSize(10).containsOnly("FIRST_RESPONSE 0.0", "RESOLUTION 0.0");

        // when the desk looks twice
        int flagged = risks.flag(now);
        int again = risks.flag(now);

        // then the sixth's first response clock has one RISK event and its task rose from 80 to 100; nothing else
        assertThat(flagged).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(events(api, sixth)).containsOnlyOnce("FIRST_RESPONSE RISK");
        assertThat(tasksOf(api, sixth)).extracting(Task::getPriority).containsOnly(100);
        for (String key : five) {
            assertThat(events(api, key)).doesNotContain("FIRST_RESPONSE RISK");
            assertThat(tasksOf(api, key)).extracting(Task::getPriority).containsOnly(80);
        }
        // and the manager reads it in the request's history
        assertThat(api.getJson("/api/requests/" + sixth + "/history/readable", "manager.sun").path("steps")
                .findValuesAsText("what")).contains("At risk of breaching: first response");
    }

    private String outage(ApiClient api) throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "EMAIL").put("externalId", UUID.randomUUID()
                .toString()).put("category", "FAULT").put("subject", "Outage at the plant");
        body.putObject("customer").put("id", "risk-vip").put("name", "Plant").put("tier", "VIP");
        JsonNode created = json.readTree(api.post("/api/requests", "intake", body).body());
        assertThat(created.path("priority").asText()).isEqualTo("URGENT");
        return created.path("key").asText();
    }

    private List<String> events(ApiClient api, String key) throws Exception {
        List<String> events = new ArrayList<>();
        api.getJson("/api/requests/" + key, "manager.sun").path("events").forEach(e -> events.add(
                e.path("metric").asText() + " " + e.path("type").asText()));
        return events;
    }

    private List<Task> tasksOf(ApiClient api, String key) throws Exception {
        String instance = api.getJson("/api/requests/" + key, "intake").path("processInstanceId").asText();
        return taskService.createTaskQuery().processInstanceId(instance).list();
    }
}
