package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sladesk.report.BreachCauses.Cause;
import com.sladesk.request.ProcessTestSupport;
import com.sladesk.request.ServiceRequest;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.TestRequests;

/** Breach causes of a request that really ran: the claim splits the time in the queue from the agent's. */
class BreachCausesProcessTest extends ProcessTestSupport {

    @Autowired BreachCauses causes;

    @Test
    void aFirstResponseLateAfterTenMinutesInTheQueueIsBlamedOnTheQueue() {
        // given a VIP outage (first response due in 15 minutes) nobody claims for 10 minutes
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        passes(Duration.ofMinutes(10), instance);
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.claim(task.getId(), "agent.wang");

        // when the agent answers 10 minutes after claiming, 5 minutes after the breach
        passes(Duration.ofMinutes(10), instance);
        taskService.complete(task.getId(), Map.of(Var.REPLY, "We are on it."));

        // then
        Map<Cause, Long> firstResponse = causes.ofRequest(request.getId(), now()).get("FIRST_RESPONSE");
        assertThat(firstResponse).containsEntry(Cause.QUEUE, 600L).containsEntry(Cause.AGENT, 300L)
                .containsEntry(Cause.EXPERTS, 0L).containsEntry(Cause.ESCALATION, 300L);
    }
}
