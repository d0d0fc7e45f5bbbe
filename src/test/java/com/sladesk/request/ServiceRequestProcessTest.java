package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.notify.Notification;
import com.sladesk.request.RequestSla.ClockView;
import com.sladesk.request.RequestSla.EventView;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.system.ProcessDeployer;

/** Every path of the ServiceRequest process, with the engine clock moved by hand and timer jobs executed. */
class ServiceRequestProcessTest extends ProcessTestSupport {

    @Autowired ProcessDeployer deployer;

    @Test
    void vipOutageWaitsForFirstResponseWithTasklistDueAndFollowUpDates() {
        // when
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));

        // then
        ProcessInstance instance = instanceOf(request);
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER)
                .hasBusinessKey(request.getRequestKey());
        assertThat(task(instance)).hasCandidateGroup("tech-support")
                .hasDueDate(Date.from(T0.plus(Duration.ofMinutes(15))));
        assertThat(task(instance).getFollowUpDate()).isEqualTo(Date.from(T0.plus(Duration.ofSeconds(675))));
        assertThat(task(instance).getPriority()).isEqualTo(Priority.URGENT.taskPriority());
        RequestView view = view(request);
        assertThat(view.priority()).isEqualTo(Priority.URGENT);
        assertThat(view.team()).isEqualTo("tech-support");
        assertThat(view.status()).isEqualTo(RequestStatus.NEW);
        assertThat(clock(view, "FIRST_RESPONSE").dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(clock(view, "RESOLUTION").dueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(clock(view, "RESOLUTION").warnAt()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void warningFiresAtSeventyFivePercentOfTargetAndNotBefore() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);

        // when the clock is one second short of the warning instant
        at(T0.plusSeconds(674));

        // then
        assertThat(executableTimer(instance, ServiceRequestProcess.TIMER_FIRST_RESPONSE_WARNING)).isEmpty();

        // when the warning instant passes
        at(T0.plusSeconds(675));
        execute(executableTimer(instance, ServiceRequestProcess.TIMER_FIRST_RESPONSE_WARNING).get(0));

        // then
        assertThat(types(view(request))).containsExactly("WARNING");
        assertThat(task(instance).getPriority()).isEqualTo(Priority.URGENT.taskPriority() + 10);
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> n.getKind() != Notification.Kind.ACKNOWLEDGEMENT)
                .extracting(Notification::getKind, Notification::getRecipient, Notification::getStatus)
                .containsExactly(tuple(Notification.Kind.WARNING, "group:tech-support",
                        Notification.Status.PENDING));
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER);
    }

    @Test
    void breachRecordsBreachedAndEscalatesToTheTeamLeads() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();

        // when the due instant passes with the task still open
        passes(Duration.ofMinutes(16), instance);

        // then
        RequestView view = view(request);
        assertThat(events(view, "FIRST_RESPONSE")).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(events(view, "ACKNOWLEDGEMENT")).containsExactly("MET");
        EventView escalation = view.events().stream().filter(e -> e.type().equals("ESCALATED")).findFirst()
                .orElseThrow();
        assertThat(escalation.level()).isEqualTo(1);
        assertThat(escalation.group()).isEqualTo("team-leads");
        assertThat(clock(view, "FIRST_RESPONSE").state()).isEqualTo("BREACHED");
        assertThat(view.breached()).isTrue();
        assertThat(task(instance)).hasCandidateGroup("team-leads").hasCandidateGroup("tech-support");
        assertThat(task(instance).getPriority()).isEqualTo(Priority.URGENT.taskPriority() + 10 + 20);
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .extracting(Notification::getKind, Notification::getRecipient).containsExactly(
                        tuple(Notification.Kind.ACKNOWLEDGEMENT, "customer:" + request.getCustomer().getEmail()),
                        tuple(Notification.Kind.WARNING, "group:tech-support"),
                        tuple(Notification.Kind.ESCALATION, "group:team-leads"),
                        tuple(Notification.Kind.ESCALATION, "webhook:leads-wecom"));
    }

    @Test
    void answeringInTimeStopsTheFirstResponseClockAsMetAndEndsItsTimers() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        at(T0.plus(Duration.ofMinutes(5)));

        // when
        taskService.claim(task(instance).getId(), "agent.wang");
        answer(instance, "We are on it.");

        // then
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
        assertThat(task(instance)).isAssignedTo("agent.wang");
        assertThat(timers(instance)).as("only the resolution warning and breach timers remain")
                .extracting(Job::getDuedate).containsExactlyInAnyOrder(Date.from(T0.plus(Duration.ofHours(3))),
                        Date.from(T0.plus(Duration.ofHours(4))));
        RequestView view = view(request);
        ClockView firstResponse = clock(view, "FIRST_RESPONSE");
        assertThat(firstResponse.state()).isEqualTo("MET");
        assertThat(firstResponse.elapsed()).isEqualTo("PT5M");
        assertThat(view.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(view.responder()).isEqualTo("agent.wang");
        assertThat(view.messages()).extracting(RequestView.MessageView::body).containsExactly("We are on it.");
        assertThat(events(view, "FIRST_RESPONSE")).containsExactly("MET");
    }

    @Test
    void answeringLateStopsTheFirstResponseClockAsBreachedOnce() {
        // given a breach the timers already recorded
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        passes(Duration.ofMinutes(20), instance);

        // when
        answer(instance, "Sorry for the wait.");

        // then
        RequestView view = view(request);
        assertThat(clock(view, "FIRST_RESPONSE").state()).isEqualTo("BREACHED");
        assertThat(clock(view, "FIRST_RESPONSE").elapsed()).isEqualTo("PT20M");
        assertThat(events(view, "FIRST_RESPONSE")).containsExactly("WARNING", "BREACHED", "ESCALATED");
    }

    @Test
    void answeringAfterTheDueInstantBeforeTheTimerRanRecordsTheBreach() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        at(T0.plus(Duration.ofMinutes(16)));

        // when the agent answers before the job executor got to the breach timer
        answer(instance, "Late, sorry.");

        // then
        RequestView view = view(request);
        assertThat(clock(view, "FIRST_RESPONSE").state()).isEqualTo("BREACHED");
        assertThat(types(view)).containsExactly("BREACHED");
        assertThat(view.breached()).isTrue();
    }

    @Test
    void resolutionTimersWarnAndEscalateTheOpenResolutionTask() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");

        // when
        passes(Duration.ofHours(4).plusSeconds(1), instance);

        // then
        RequestView view = view(request);
        assertThat(view.events()).filteredOn(e -> e.metric().equals("RESOLUTION")).extracting(EventView::type)
                .containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(task(instance)).hasCandidateGroup("team-leads");
        assertThat(clock(view, "RESOLUTION").state()).isEqualTo("BREACHED");
    }

    @Test
    void anUnansweredRequestBreachesItsResolutionTargetOnTimeAndEachEventStaysSingle() {
        // given a VIP outage (first response 15 min, resolution 4 h) nobody answers
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);

        // when its resolution target passes without a first response
        passes(Duration.ofHours(4).plusSeconds(1), instance);

        // then the resolution clock warned, breached and escalated at its instants, in the first response stage
        RequestView view = view(request);
        assertThat(events(view, "RESOLUTION")).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(view.events()).filteredOn(e -> e.metric().equals("RESOLUTION")).extracting(EventView::at)
                .startsWith(T0.plus(Duration.ofHours(3)), T0.plus(Duration.ofHours(4)));
        assertThat(clock(view, "RESOLUTION").state()).isEqualTo("BREACHED");
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER);

        // and when the agent answers at last and resolution goes on, nothing fires a second time
        answer(instance, "Very sorry for the wait.");
        passes(Duration.ofHours(2), instance);
        view = view(request);
        assertThat(view.events()).extracting(e -> e.metric() + "/" + e.type() + "/" + e.level())
                .doesNotHaveDuplicates();
        assertThat(events(view, "FIRST_RESPONSE")).startsWith("WARNING", "BREACHED", "ESCALATED");
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
    }

    @Test
    void transferToExpertsGoesToTheExpertTeamAndBackToTheAgent() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        taskService.claim(task(instance).getId(), "agent.wang");
        answer(instance, "Looking into it.");

        // when
        complete(task(instance), withVariables(Var.RESOLUTION, "Firmware? Please check.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS));

        // then
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_EXPERT_DIAGNOSIS);
        assertThat(task(instance)).hasCandidateGroup("experts");
        assertThat(view(request).status()).isEqualTo(RequestStatus.WITH_EXPERTS);

        // when
        taskService.claim(task(instance).getId(), "expert.zhao");
        complete(task(instance), withVariables(Var.DIAGNOSIS, "Known firmware bug, roll back to 1.2."));

        // then
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
        assertThat(task(instance)).isAssignedTo("agent.wang");
        RequestView view = view(request);
        assertThat(view.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(view.messages()).extracting(RequestView.MessageView::authorId, RequestView.MessageView::internal)
                .containsExactly(tuple("agent.wang", false),
                        tuple("agent.wang", true),
                        tuple("expert.zhao", true));
    }

    @Test
    void resolvingStopsTheClockAndAwaitsTheCustomersConfirmation() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");
        at(T0.plus(Duration.ofHours(2)));

        // when
        complete(task(instance), withVariables(Var.RESOLUTION, "Replaced the router.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_RESOLVED));

        // then
        assertThat(instance).isWaitingAt(ServiceRequestProcess.AWAITING_CONFIRMATION);
        RequestView view = view(request);
        assertThat(view.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(view.resolvedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
        // first response and resolution met, the acknowledgement not delivered yet, the follow-up running
        assertThat(view.clocks()).extracting(ClockView::metric, ClockView::state).containsExactly(
                tuple("FIRST_RESPONSE", "MET"), tuple("RESOLUTION", "MET"), tuple("ACKNOWLEDGEMENT", "RUNNING"),
                tuple("FOLLOW_UP", "RUNNING"));
        assertThat(clock(view, "RESOLUTION").elapsed()).isEqualTo("PT2H");
    }

    @Test
    void confirmingClosesTheRequestAndTheProcessEndsWithTheReopenWindow() {
        // given a resolved request
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        answer(instance, "Looking into it.");
        complete(task(instance), withVariables(Var.RESOLUTION, "Replaced the router.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_RESOLVED));

        // when the customer confirms an hour later
        at(T0.plus(Duration.ofHours(1)));
        conversation.confirm(request.getRequestKey(), "intake");

        // then
        assertThat(view(request).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(view(request).closedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(instance).isWaitingAt(ServiceRequestProcess.REOPEN_WINDOW);

        // when the reopen window (7 days after resolution) passes
        passes(Duration.ofDays(7), instance);

        // then
        assertThat(instance).isEnded().hasPassed(ServiceRequestProcess.END_REQUEST_CLOSED);
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aTaskCompletedWithAnotherRequestIdStillActsOnItsOwnRequest() {
        // given two requests
        ServiceRequest other = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));

        // when an agent submits the first response with a forged requestId variable
        complete(task(instanceOf(request)), withVariables(Var.REPLY, "Hello", "requestId", other.getId()));

        // then
        assertThat(view(request).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(view(other).status()).isEqualTo(RequestStatus.NEW);
        assertThat(clock(view(other), "FIRST_RESPONSE").state()).isEqualTo("RUNNING");
    }

    @Test
    void overwrittenVariablesChangeNoTimerTaskDateTeamOrAgent() {
        // given a request the agent answered, whose copies in process variables someone overwrote
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        taskService.claim(task(instance).getId(), "agent.wang");
        answer(instance, "Hello");
        Date farFuture = Date.from(Instant.parse("2099-01-01T00:00:00Z"));
        runtimeService.setVariables(instance.getId(), withVariables(Var.RESOLUTION_DUE_AT, farFuture,
                Var.RESOLUTION_WARN_AT, farFuture, Var.EXPERT_RESPONSE_DUE_AT, farFuture, Var.TEAM, "experts",
                Var.EXPERT_TEAM, "service-desk", Var.RESPONDER, "agent.li", Var.TASK_PRIORITY, 1));

        // when the request goes to the experts and back, which creates its timers and tasks anew
        complete(task(instance), withVariables(Var.OUTCOME, ServiceRequestProcess.OUTCOME_TRANSFER_TO_EXPERTS,
                Var.RESOLUTION, "Please check"));
        assertThat(task(instance)).hasCandidateGroup("experts")
                .hasDueDate(Date.from(clock(view(request), "EXPERT_RESPONSE").dueAt()));
        complete(task(instance), withVariables(Var.DIAGNOSIS, "Cable"));

        // then the tasks and timers follow the request row and its clocks
        RequestView view = view(request);
        assertThat(task(instance)).isAssignedTo("agent.wang").hasDueDate(Date.from(clock(view, "RESOLUTION").dueAt()));
        assertThat(taskService.getIdentityLinksForTask(task(instance).getId())).extracting(IdentityLink::getGroupId)
                .contains("tech-support").doesNotContain("service-desk");
        assertThat(task(instance).getPriority()).isGreaterThanOrEqualTo(Priority.URGENT.taskPriority());
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().list())
                .extracting(Job::getDuedate).doesNotContain(farFuture)
                .contains(Date.from(clock(view, "RESOLUTION").dueAt()));
    }

    @Test
    void restartWithoutEditsDeploysNoNewVersions() throws Exception {
        // given
        long processVersions = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ServiceRequestProcess.PROCESS_KEY).count();
        long deployments = repositoryService.createDeploymentQuery().count();

        // when
        deployer.deployChangedResources();

        // then
        assertThat(repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(ServiceRequestProcess.PROCESS_KEY).count()).isEqualTo(processVersions);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
