package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.sla.Reclassify;
import com.sladesk.process.Reclassifying;

/** Reclassifying keeps the elapsed business time, applies the new targets and never breaches twice. */
class ReclassificationTest extends ProcessTestSupport {

    @Autowired Reclassifying reclassifying;

    // case 4
    @Test
    void priorityRaisedAfterABreachKeepsElapsedTimeAppliesTheNewTargetAndDoesNotBreachAgain() {
        // given a standard inquiry (resolution in 24 hours) answered, then breached after 25 hours
        ServiceRequest request = intake.receive(TestRequests.standardInquiryOnWeb(newCustomer(), null, null));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "We will check.");
        passes(Duration.ofHours(25), instance);
        assertThat(events(view(request), "RESOLUTION")).containsExactly("WARNING", "BREACHED", "ESCALATED");

        // when the priority is raised to URGENT (standard urgent: resolution in 12 hours)
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(Priority.URGENT, null, null,
                "Customer's production is down"), "lead.chen");
        executeDueJobs(instance);

        // then
        RequestView view = view(request);
        assertThat(clock(view, "RESOLUTION").target()).isEqualTo("PT12H");
        assertThat(clock(view, "RESOLUTION").elapsed()).isEqualTo("PT25H");
        assertThat(clock(view, "RESOLUTION").dueAt()).isEqualTo(T0.plus(Duration.ofHours(12)));
        assertThat(events(view, "RESOLUTION")).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(view.priority()).isEqualTo(Priority.URGENT);
        assertThat(view.reclassifications()).singleElement().satisfies(r -> {
            assertThat(r.by()).isEqualTo("lead.chen");
            assertThat(r.oldPriority()).isEqualTo(Priority.NORMAL);
            assertThat(r.newPriority()).isEqualTo(Priority.URGENT);
        });
    }

    @Test
    void aTargetTheClockHasAlreadyUsedUpBreachesNowOnceAndEscalates() {
        // given a standard inquiry answered, 13 hours into its 24-hour resolution target
        ServiceRequest request = intake.receive(TestRequests.standardInquiryOnWeb(newCustomer(), null, null));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "We will check.");
        passes(Duration.ofHours(13), instance);

        // when it becomes URGENT (12 hours)
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(Priority.URGENT, null, null,
                "Escalated by phone"), "agent.li");

        // then it breaches now, and the moved breach timer escalates without a second breach
        assertThat(events(view(request), "RESOLUTION")).containsExactly("BREACHED");
        executeDueJobs(instance);
        assertThat(events(view(request), "RESOLUTION")).containsExactly("BREACHED", "ESCALATED");
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(12))));
    }

    @Test
    void aNewCategoryRoutesTheOpenTaskToTheNewTeamAndMovesItsTimers() {
        // given a standard inquiry for the service desk, not yet answered
        ServiceRequest request = intake.receive(TestRequests.standardInquiryOnWeb(newCustomer(), null, null));
        ProcessInstance instance = instanceOf(request);
        at(T0.plus(Duration.ofMinutes(10)));

        // when it turns out to be a fault (standard normal: first response in 4 hours) for tech support
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(null, Category.FAULT, null,
                "Device is broken, not a question"), "agent.li");

        // then
        assertThat(task(instance)).hasCandidateGroup("tech-support");
        assertThat(taskService.getIdentityLinksForTask(task(instance).getId()))
                .noneMatch(link -> "service-desk".equals(link.getGroupId()));
        RequestView view = view(request);
        assertThat(view.team()).isEqualTo("tech-support");
        assertThat(clock(view, "FIRST_RESPONSE").target()).isEqualTo("PT4H");
        assertThat(executableTimer(instance, ServiceRequestProcess.TIMER_FIRST_RESPONSE_BREACH)).isEmpty();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(ServiceRequestProcess.TIMER_FIRST_RESPONSE_BREACH).singleResult().getDuedate())
                .isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(T0.plus(Duration.ofHours(4))));
    }

    // case 11 (through the process: two reclassifications with a pause between)
    @Test
    void twoReclassificationsWithAPauseBetweenLeaveTheClockAsCalculatedByHand() {
        // given a standard inquiry (24h) answered at once
        ServiceRequest request = intake.receive(TestRequests.standardInquiryOnWeb(newCustomer(), null, null));
        ProcessInstance instance = instanceOf(request);
        taskService.claim(task(instance).getId(), "agent.li");
        answer(instance, "We will check.");

        // when: at 1h it becomes HIGH (24h stays for standard high), at 2h waiting, 5h later the answer,
        // at 4h of work it becomes URGENT (12h)
        at(T0.plus(Duration.ofHours(1)));
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(Priority.HIGH, null, null, "VIP contact"),
                "agent.li");
        at(T0.plus(Duration.ofHours(2)));
        complete(task(instance), withVariables(Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER,
                Var.RESOLUTION, "Need details", Var.QUESTION, "Which model?"));
        at(T0.plus(Duration.ofHours(7)));
        conversation.add(request.getRequestKey(), new NewMessage(RequestMessage.Author.CUSTOMER, "Model X1", null,
                null, false), "intake", true);
        at(T0.plus(Duration.ofHours(9)));
        reclassifying.reclassify(request.getRequestKey(), new Reclassify(Priority.URGENT, null, null, "Outage"),
                "agent.li");

        // then by hand: worked 0-2h and 7-9h = 4h, paused 5h; 12h target: due at 12h + 5h = T0+17h
        RequestView view = view(request);
        assertThat(clock(view, "RESOLUTION").elapsed()).isEqualTo("PT4H");
        assertThat(clock(view, "RESOLUTION").paused()).isEqualTo("PT5H");
        assertThat(clock(view, "RESOLUTION").remaining()).isEqualTo("PT8H");
        assertThat(clock(view, "RESOLUTION").dueAt()).isEqualTo(T0.plus(Duration.ofHours(17)));
        assertThat(clock(view, "RESOLUTION").warnAt()).isEqualTo(T0.plus(Duration.ofHours(14)));
        assertThat(view.reclassifications()).hasSize(2);
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
    }
}
