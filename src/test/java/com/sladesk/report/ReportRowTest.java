package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.sladesk.request.NewMessage;
import com.sladesk.request.Priority;
import com.sladesk.request.ProcessTestSupport;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.ServiceRequest;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.request.TestRequests;
import com.sladesk.sla.Reclassify;
import com.sladesk.process.Reclassifying;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClockRepository;

/** The report row of a request follows it and its clocks through every step of its life. */
class ReportRowTest extends ProcessTestSupport {

    @Autowired JdbcTemplate jdbc;
    @Autowired ServiceRequestRepository requests;
    @Autowired SlaClockRepository clocks;
    @Autowired Reclassifying reclassifying;

    @Test
    void theReportRowAgreesWithTheRequestAndItsClocksAfterEveryStep() {
        // given a VIP outage (first response due in 15 minutes) answered after 20 minutes
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        assertRowAgrees(request, "NEW");
        passes(Duration.ofMinutes(20), instance);
        assertRowAgrees(request, "NEW");
        taskService.claim(task(instance).getId(), "agent.wang");
        answer(instance, "Looking into it.");
        Map<String, Object> row = assertRowAgrees(request, "IN_PROGRESS");
        assertThat(row).containsEntry("FRT_STATE", "BREACHED").containsEntry("FRT_SECONDS", 1200L)
                .containsEntry("RESPONDER", "agent.wang");
        assertThat(((Number) row.get("FRT_LEVEL")).intValue()).isPositive();
        assertThat(row.get("ERT_STATE")).isNull();
        assertThat(row.get("ERT_SECONDS")).isNull();

        // and a team lead lowers its priority
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(Priority.HIGH, null, null,
                "Only one site is down"), "lead.chen");
        assertThat(assertRowAgrees(request, "IN_PROGRESS")).containsEntry("PRIORITY", "HIGH");

        // when the agent asks the customer, who answers, and the request is resolved and confirmed
        at(now().plus(Duration.ofHours(1)));
        complete(task(instance), withVariables(Var.RESOLUTION, "Need the firmware version.", Var.QUESTION,
                "Which firmware runs?", Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER));
        assertThat(assertRowAgrees(request, "WAITING_ON_CUSTOMER")).containsEntry("TTR_STATE", "PAUSED");
        at(now().plus(Duration.ofHours(5)));
        conversation.add(request.getRequestKey(), new NewMessage(RequestMessage.Author.CUSTOMER, "Firmware 1.3.",
                null, null, false), "intake", true);
        assertThat(assertRowAgrees(request, "IN_PROGRESS")).containsEntry("TTR_STATE", "RUNNING");
        at(now().plus(Duration.ofMinutes(30)));
        complete(task(instance), withVariables(Var.RESOLUTION, "Firmware updated.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));
        assertRowAgrees(request, "RESOLVED");
        conversation.confirm(request.getRequestKey(), "intake");

        // then
        row = assertRowAgrees(request, "CLOSED");
        assertThat(row).containsEntry("TTR_STATE", "MET").containsEntry("TTR_SECONDS", 20 * 60 + 3600 + 30 * 60L);
    }

    private Map<String, Object> assertRowAgrees(ServiceRequest request, String status) {
        ServiceRequest now = requests.findById(request.getId()).orElseThrow();
        Map<String, Object> row = jdbc.queryForMap("select * from request_report where request_id = ?",
                request.getId());
        assertThat(row.get("STATUS")).isEqualTo(status).isEqualTo(now.getStatus().name());
        assertThat(row.get("TEAM")).isEqualTo(now.getTeam());
        assertThat(row.get("PRIORITY")).isEqualTo(now.getPriority().name());
        assertThat(row.get("BREACHED")).isEqualTo(now.isBreached());
        // the row's instant reads back as the request's, whatever the JVM's zone
        assertThat(jdbc.queryForObject("select received_at from request_report where request_id = ?",
                OffsetDateTime.class, request.getId()).toInstant()).isEqualTo(now.getReceivedAt());
        assertThat(jdbc.queryForObject("select count(*) from request_report r join service_request s"
                + " on s.id = r.request_id and s.received_at = r.received_at where r.request_id = ?", Long.class,
                request.getId())).isEqualTo(1);
        for (SlaClock clock : clocks.findByRequestIdOrderByIdAsc(request.getId())) {
            String prefix = switch (clock.getMetric()) {
                case FIRST_RESPONSE -> "FRT_";
                case EXPERT_RESPONSE -> "ERT_";
                case RESOLUTION -> "TTR_";
                case ACKNOWLEDGEMENT -> "ACK_";
                case FOLLOW_UP -> "FU_";
            };
            assertThat(row.get(prefix + "STATE")).as(prefix).isEqualTo(clock.getState().name());
            assertThat(row.get(prefix + "BREACHED")).as(prefix).isEqualTo(clock.isEverBreached());
            assertThat(row.get(prefix + "SECONDS")).as(prefix).isEqualTo(clock.getElapsedSeconds());
            assertThat(((Number) row.get(prefix + "LEVEL")).intValue()).as(prefix)
                    .isEqualTo(clock.getEscalationLevel());
        }
        return row;
    }
}
