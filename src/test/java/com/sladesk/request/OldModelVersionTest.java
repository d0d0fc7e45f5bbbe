package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;

/**
 * A request started on the version before the boundary-timer model (warnings and breaches as event subprocesses)
 * finishes on that version after the new one is deployed: warned, breached, escalated, answered, resolved, closed.
 */
class OldModelVersionTest extends ProcessTestSupport {

    private static final String DEPLOYMENT = "old-model-version-test";

    @Test
    void aRequestStartedOnTheEventSubprocessModelFinishesOnItsVersion() throws IOException {
        // given a request started while the old model was the latest version
        ProcessDefinition old = deploy(getClass().getResourceAsStream(
                "/old-models/service-request-event-subprocesses.bpmn"));
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        assertThat(instance.getProcessDefinitionId()).isEqualTo(old.getId());

        // when the boundary-timer model is deployed again as the latest version
        ProcessDefinition current;
        try (InputStream model = Files.newInputStream(Path.of("processes", "service-request.bpmn"))) {
            current = deploy(model);
        }
        assertThat(current.getVersion()).isGreaterThan(old.getVersion());

        // then the old request warns, breaches and escalates on its own version
        passes(Duration.ofMinutes(16), instance);
        assertThat(types(view(request))).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                .activityId("Timer_FirstResponseNextLevel").count()).as("waiting for the next level").isEqualTo(1);

        // and answering and resolving it end those timers and close it
        answer(instance, "We are on it.");
        complete(task(instance), withVariables(Var.RESOLUTION, "Replaced the router.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));
        conversation.confirm(request.getRequestKey(), "intake");
        passes(Duration.ofDays(30), instance);
        assertThat(instance).isEnded();
        assertThat(view(request).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(events(view(request), "FIRST_RESPONSE")).containsExactly("WARNING", "BREACHED", "ESCALATED");
        // the old version has no acknowledgement or follow-up stage: no such clock, and none left running
        assertThat(view(request).clocks()).extracting(RequestSla.ClockView::metric)
                .containsExactly("FIRST_RESPONSE", "RESOLUTION");
        assertThat(view(request).clocks()).allSatisfy(clock -> assertThat(clock.stoppedAt()).isNotNull());
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId()).isEqualTo(old.getId());

        // and a new request starts on the boundary-timer model
        ServiceRequest next = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        assertThat(instanceOf(next).getProcessDefinitionId()).isEqualTo(current.getId());
    }

    private ProcessDefinition deploy(InputStream model) {
        String deployment = repositoryService.createDeployment().name(DEPLOYMENT)
                .addInputStream("service-request.bpmn", model).deploy().getId();
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }
}
