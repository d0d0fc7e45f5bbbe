package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.report.ReadableHistory.Step;
import com.sladesk.request.ProcessTestSupport;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.TestRequests;

/** The readable history of requests that went the long way: reopened, closed without reply. */
class ReadableHistoryTest extends ProcessTestSupport {

    @Autowired ReadableHistory readable;

    @Test
    void aReopenedRequestTellsEachResolutionWithTheTimeItHadThen() {
        // given a VIP outage resolved after 50 minutes, reopened two days later and resolved again an hour later
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        passes(Duration.ofMinutes(10), instance);
        answer(instance, "Looking into it.");
        passes(Duration.ofMinutes(40), instance);
        resolve(instance);
        passes(Duration.ofDays(2), instance);
        conversation.reopen(request.getRequestKey(), "intake");
        passes(Duration.ofHours(1), instance);
        resolve(instance);

        // when
        List<String> steps = whats(request);

        // then the first resolution does not take the time the clock shows after the second
        assertThat(steps).anySatisfy(step -> assertThat(step)
                .startsWith("Decided: URGENT, first response 15 min, resolution 4 h (SlaTargets v"));
        assertThat(steps).containsSubsequence("First response met in 10 min (target 15 min)",
                "Message to the customer: “Replaced the router.”", "Resolution met (target 4 h)",
                "The customer reopened the request", "Resolve request — done");
        assertThat(steps).filteredOn(step -> step.startsWith("Resolve request — done")).hasSize(2);
        assertThat(steps).noneMatch(step -> step.contains("1 h 50 min") || step.contains("null"));
        assertThat(readable.of(request.getRequestKey()).orElseThrow().engineSteps())
                .noneMatch(step -> step.what().startsWith("Request priority"));
    }

    @Test
    void aWaitNoReplyEndedEndsWhenTheRequestIsClosedWithoutReply() {
        // given a customer asked after an hour who never answers: reminders after 3 and 6 days, closed after 9
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");
        passes(Duration.ofHours(1), instance);
        complete(task(instance), withVariables(Var.QUESTION, "Which firmware?", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER));
        passes(Duration.ofDays(10), instance);

        // when
        List<String> steps = whats(request);

        // then the wait has its end
        assertThat(steps).contains("Waiting on customer 9 d (clock paused), no reply", "Process ended")
                .noneMatch(step -> step.contains("so far"));
        Step wait = readable.of(request.getRequestKey()).orElseThrow().steps().stream()
                .filter(step -> step.what().startsWith("Waiting on customer")).findFirst().orElseThrow();
        assertThat(wait.duration()).isEqualTo("9 d");
        assertThat(wait.when()).isEqualTo("2026-03-02 19:00:00");
    }

    private void resolve(ProcessInstance instance) {
        complete(task(instance), withVariables(Var.RESOLUTION, "Replaced the router.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));
    }

    private List<String> whats(ServiceRequest request) {
        return readable.of(request.getRequestKey()).orElseThrow().steps().stream().map(Step::what).toList();
    }
}
