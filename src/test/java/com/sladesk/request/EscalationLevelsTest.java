package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.request.RequestSla.EventView;
import com.sladesk.process.ServiceRequestProcess.Var;

/** Escalation climbs level by level as the Escalation decision says, and stops when the metric stops. */
class EscalationLevelsTest extends ProcessTestSupport {

    @Test
    void aVipUrgentBreachClimbsToTheDirectors() {
        // given a VIP outage: first response due after 15 minutes
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);

        // when: breach at 15m, level 2 after 30 more minutes, level 3 an hour after that
        passes(Duration.ofMinutes(16), instance);
        passes(Duration.ofMinutes(30), instance);
        passes(Duration.ofHours(1), instance);
        passes(Duration.ofDays(1), instance);

        // then
        List<EventView> escalations = escalations(request, "FIRST_RESPONSE");
        assertThat(escalations).extracting(EventView::level).containsExactly(1, 2, 3);
        assertThat(escalations).extracting(EventView::group)
                .containsExactly("team-leads", "service-managers", "service-directors");
        assertThat(escalations.get(1).at()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
        assertThat(escalations.get(2).at()).isEqualTo(T0.plus(Duration.ofMinutes(105)));
        assertThat(task(instance)).hasCandidateGroup("service-directors");
        assertThat(timers(instance)).extracting(job -> job.getDuedate().toInstant())
                .allSatisfy(due -> assertThat(due).isAfter(now()));
    }

    @Test
    void aStandardBreachStopsAtTheManagers() {
        // given a standard inquiry: first response due after an hour
        ServiceRequest request = intake.receive(TestRequests.standardInquiryOnWeb(newCustomer(), null, null));
        ProcessInstance instance = instanceOf(request);

        // when
        passes(Duration.ofMinutes(61), instance);
        passes(Duration.ofHours(2), instance);
        passes(Duration.ofDays(1), instance);

        // then
        assertThat(escalations(request, "FIRST_RESPONSE")).extracting(EventView::group)
                .containsExactly("team-leads", "service-managers");
    }

    @Test
    void levelsStopAsSoonAsTheMetricStops() {
        // given a VIP outage escalated once
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        passes(Duration.ofMinutes(16), instance);

        // when the agent answers before the next level
        answer(instance, "Sorry, on it.");
        passes(Duration.ofHours(1), instance);

        // then
        assertThat(escalations(request, "FIRST_RESPONSE")).hasSize(1);
    }

    @Test
    void anEscalatedResolutionTaskCreatedAgainKeepsTheEscalationGroup() {
        // given a VIP outage whose resolution breached and went to the team leads
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");
        passes(Duration.ofHours(4).plusMinutes(1), instance);
        int escalatedPriority = task(instance).getPriority();

        // when the agent goes to the experts and back
        complete(task(instance), withVariables(Var.RESOLUTION, "Please check.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS));
        complete(task(instance), withVariables(Var.DIAGNOSIS, "Firmware."));

        // then the new resolution task is still escalated
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
        assertThat(task(instance)).hasCandidateGroup("team-leads");
        assertThat(task(instance).getPriority()).isEqualTo(escalatedPriority);
    }

    @Test
    void theExpertResponseClockRunsFromHandOverUntilAnExpertClaims() {
        // given a VIP outage handed to the experts 10 minutes in (expert response target: 5 minutes)
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");
        at(T0.plus(Duration.ofMinutes(10)));
        complete(task(instance), withVariables(Var.RESOLUTION, "Please check the firmware.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS));
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(T0.plus(Duration.ofMinutes(15)));

        // when the expert claims after 4 minutes (warning at 3m45s passed)
        passes(Duration.ofMinutes(4), instance);
        taskService.claim(task(instance).getId(), "expert.zhao");

        // then
        RequestView view = view(request);
        assertThat(clock(view, "EXPERT_RESPONSE").state()).isEqualTo("MET");
        assertThat(clock(view, "EXPERT_RESPONSE").elapsed()).isEqualTo("PT4M");
        assertThat(events(view, "EXPERT_RESPONSE")).containsExactly("WARNING", "MET");
        passes(Duration.ofMinutes(5), instance);
        assertThat(events(view(request), "EXPERT_RESPONSE")).containsExactly("WARNING", "MET");
    }

    // case 10 (engine side): a request an agent creates through the API counts like any other
    @Test
    void aRequestCreatedByAnAgentThroughTheApiStartsItsFirstResponseClock() {
        // when
        ServiceRequest request = intake.receive(new NewRequest(Channel.API, null,
                T0.minus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC),
                new NewRequest.CustomerData(newCustomer(), "Walk-in", null, "+49 30 1234", CustomerTier.GOLD),
                Category.BILLING, null, "Invoice question taken at the counter", null));

        // then
        RequestView view = view(request);
        assertThat(clock(view, "FIRST_RESPONSE").state()).isEqualTo("RUNNING");
        assertThat(clock(view, "FIRST_RESPONSE").startedAt()).isEqualTo(T0.minus(Duration.ofMinutes(5)));
        assertThat(instanceOf(request)).isWaitingAt(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER);
    }

    private List<EventView> escalations(ServiceRequest request, String metric) {
        return view(request).events().stream()
                .filter(e -> e.metric().equals(metric) && e.type().equals("ESCALATED")).toList();
    }
}
