package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.notify.Notification;
import com.sladesk.process.ServiceRequestProcess.Var;

/** Waiting on the customer pauses the resolution clock; only the customer's answer resumes it. */
class WaitingOnCustomerTest extends ProcessTestSupport {

    // case 1
    @Test
    void aReplyAfterAWeekOfSilenceDoesNotEscalateAtOnce() {
        // given a VIP outage (resolution in 4 hours) answered, then waiting on the customer after one hour
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        respondAsAgent(instance);
        askTheCustomerAfter(Duration.ofHours(1), instance);

        // when a week passes (reminders go out) and the customer answers
        passes(Duration.ofDays(7), instance);
        addMessage(request, RequestMessage.Author.CUSTOMER, false, "It is firmware 1.3.");

        // then the clock runs again with three hours left, nothing breached, nothing due
        RequestView view = view(request);
        assertThat(view.status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(clock(view, "RESOLUTION").state()).isEqualTo("RUNNING");
        assertThat(clock(view, "RESOLUTION").remaining()).isEqualTo("PT3H");
        assertThat(clock(view, "RESOLUTION").paused()).isEqualTo("PT168H");
        assertThat(clock(view, "RESOLUTION").dueAt()).isEqualTo(T0.plus(Duration.ofDays(7)).plus(Duration.ofHours(4)));
        executeDueJobs(instance);
        assertThat(events(view(request), "RESOLUTION")).containsExactly("PAUSED", "RESUMED");
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_RESOLVE_REQUEST);
        assertThat(task(instance)).isAssignedTo("agent.wang");
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId())).extracting(Notification::getKind)
                .containsExactly(Notification.Kind.ACKNOWLEDGEMENT, Notification.Kind.REPLY,
                        Notification.Kind.QUESTION, Notification.Kind.REMINDER, Notification.Kind.REMINDER);
    }

    @Test
    void whileWaitingNoResolutionTimerExists() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        respondAsAgent(instance);

        // when
        askTheCustomerAfter(Duration.ofHours(1), instance);

        // then only the reminder timer waits
        assertThat(instance).isWaitingAt(ServiceRequestProcess.WAITING_ON_CUSTOMER);
        assertThat(timers(instance)).hasSize(1);
        RequestView view = view(request);
        assertThat(view.status()).isEqualTo(RequestStatus.WAITING_ON_CUSTOMER);
        assertThat(clock(view, "RESOLUTION").state()).isEqualTo("PAUSED");
        assertThat(view.messages()).extracting(RequestView.MessageView::body).contains("Which firmware runs?");
    }

    // case 3
    @Test
    void onlyTheCustomersMessageResumesTheClock() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        respondAsAgent(instance);
        askTheCustomerAfter(Duration.ofHours(1), instance);

        // when an agent writes and an internal note is added
        at(now().plus(Duration.ofHours(2)));
        addMessage(request, RequestMessage.Author.AGENT, false, "Any news?");
        addMessage(request, RequestMessage.Author.AGENT, true, "Customer is slow, ping tomorrow.");

        // then
        assertThat(view(request).status()).isEqualTo(RequestStatus.WAITING_ON_CUSTOMER);
        assertThat(clock(view(request), "RESOLUTION").state()).isEqualTo("PAUSED");

        // when the customer answers
        addMessage(request, RequestMessage.Author.CUSTOMER, false, "Firmware 1.3.");

        // then the agent sees the answer on the resolution task
        assertThat(view(request).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(clock(view(request), "RESOLUTION").state()).isEqualTo("RUNNING");
        assertThat(taskService.getVariable(task(instance).getId(), Var.CUSTOMER_REPLY)).isEqualTo("Firmware 1.3.");
    }

    @Test
    void aCustomerSilentAfterTheLastReminderIsClosedWithoutReply() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        respondAsAgent(instance);
        askTheCustomerAfter(Duration.ofHours(1), instance);

        // when three reminder intervals pass
        passes(Duration.ofDays(9), instance);

        // then
        assertThat(instance).isEnded().hasPassed(ServiceRequestProcess.END_CLOSED_WITHOUT_REPLY);
        RequestView view = view(request);
        assertThat(view.status()).isEqualTo(RequestStatus.CLOSED_NO_REPLY);
        assertThat(clock(view, "RESOLUTION").state()).isEqualTo("MET");
        assertThat(clock(view, "RESOLUTION").elapsed()).isEqualTo("PT1H");
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId())).extracting(Notification::getKind)
                .containsExactly(Notification.Kind.ACKNOWLEDGEMENT, Notification.Kind.REPLY,
                        Notification.Kind.QUESTION, Notification.Kind.REMINDER, Notification.Kind.REMINDER);
    }

    @Test
    void timeInEachStateIsRecorded() {
        // given answered after 30 minutes, waiting after 2 hours for a day, resolved an hour after the answer
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        at(T0.plus(Duration.ofMinutes(30)));
        respondAsAgent(instance);
        askTheCustomerAfter(Duration.ofMinutes(90), instance);
        at(now().plus(Duration.ofDays(1)));
        addMessage(request, RequestMessage.Author.CUSTOMER, false, "Firmware 1.3.");
        at(now().plus(Duration.ofHours(1)));
        complete(task(instance), withVariables(Var.RESOLUTION, "Updated.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));

        // then
        var totals = view(request).timeInState();
        assertThat(totals.get(RequestStatus.NEW).business()).isEqualTo("PT30M");
        assertThat(totals.get(RequestStatus.IN_PROGRESS).business()).isEqualTo("PT2H30M");
        assertThat(totals.get(RequestStatus.WAITING_ON_CUSTOMER).wall()).isEqualTo("PT24H");
        assertThat(totals.get(RequestStatus.RESOLVED).wall()).isEqualTo("PT0S");
    }

    private void respondAsAgent(ProcessInstance instance) {
        taskService.claim(task(instance).getId(), "agent.wang");
        answer(instance, "Looking into it.");
    }

    private void askTheCustomerAfter(Duration after, ProcessInstance instance) {
        at(now().plus(after));
        complete(task(instance), withVariables(Var.RESOLUTION, "Need the firmware version.", Var.QUESTION,
                "Which firmware runs?", Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER));
    }

    private void addMessage(ServiceRequest request, RequestMessage.Author author, boolean internal, String body) {
        conversation.add(request.getRequestKey(), new NewMessage(author, body, null, null, internal), "agent.wang",
                true);
    }
}
