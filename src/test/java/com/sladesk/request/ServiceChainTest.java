package com.sladesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.RequestSla.ClockView;
import com.sladesk.request.RequestSla.EventView;

/**
 * The two ends of the service chain as clocks, with the engine clock moved: ACKNOWLEDGEMENT from receipt until the
 * outbox delivered the acknowledgement, FOLLOW_UP from resolution until the loop with the customer is closed.
 */
class ServiceChainTest extends ProcessTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired OutboxDispatcher dispatcher;
    @Autowired RequestProcess process;

    @Test
    void theAcknowledgementClockStopsWhenTheOutboxDeliversTheAcknowledgement() {
        // given a request taken in at T0 (its acknowledgement written, not sent)
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        assertThat(clock(view(request), "ACKNOWLEDGEMENT").state()).isEqualTo("RUNNING");
        assertThat(clock(view(request), "ACKNOWLEDGEMENT").target()).isEqualTo("PT30S");
        assertThat(clock(view(request), "ACKNOWLEDGEMENT").calendar()).isEqualTo("24x7");
        assertThat(instance).isWaitingAt(ServiceRequestProcess.TASK_AWAIT_ACKNOWLEDGEMENT);

        // when the outbox delivers it 4 seconds later
        at(T0.plusSeconds(4));
        assertThat(dispatcher.dispatchDue(now())).isGreaterThanOrEqualTo(1);

        // then the clock met its target in 4 seconds, and nothing of it waits any more
        RequestView view = view(request);
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
        assertThat(clock(view, "ACKNOWLEDGEMENT").elapsed()).isEqualTo("PT4S");
        assertThat(clock(view, "ACKNOWLEDGEMENT").stoppedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(view.events()).filteredOn(e -> e.metric().equals("ACKNOWLEDGEMENT")).singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo("MET");
                    assertThat(e.reason()).isEqualTo("delivered");
                });
        assertThat(instance).isNotWaitingAt(ServiceRequestProcess.TASK_AWAIT_ACKNOWLEDGEMENT);
        assertThat(timers(instance)).noneMatch(job -> job.getDuedate().toInstant().isBefore(T0.plusSeconds(60)));

        // and the next minutes bring no acknowledgement warning or breach
        passes(Duration.ofMinutes(5), instance);
        assertThat(events(view(request), "ACKNOWLEDGEMENT")).containsExactly("MET");
        assertThat(view(request).breached()).isFalse();
    }

    @Test
    void anAcknowledgementTheMailServerRefusesBreachesOnTimeAndSaysWhy() {
        // given the SMTP server down when the outbox tries to send the acknowledgement, 2 seconds after intake
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        smtp.stop();
        at(T0.plusSeconds(2));
        assertThat(dispatcher.dispatchDue(now())).isZero();

        // when 40 seconds pass
        passes(Duration.ofSeconds(38), instance);

        // then it warned at 75 % (22.5 s) and breached at 30 s on the dot, saying why, and escalated
        RequestView view = view(request);
        List<EventView> acknowledgement = view.events().stream().filter(e -> e.metric().equals("ACKNOWLEDGEMENT"))
                .toList();
        assertThat(acknowledgement).extracting(EventView::type).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(acknowledgement.get(0).at()).isEqualTo(T0.plusMillis(22_500));
        assertThat(acknowledgement.get(1).at()).isEqualTo(T0.plusSeconds(30));
        assertThat(acknowledgement.get(1).reason()).startsWith("acknowledgement not delivered yet after 1 attempt: ")
                .contains("Connection refused");
        assertThat(acknowledgement.get(2).group()).isEqualTo("team-leads");
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("BREACHED");
        assertThat(view.breached()).isTrue();
    }

    @Test
    void anAcknowledgementNoMailServerWasThereForBreachesSayingSo() {
        // given the outbox never ran for the request
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);

        // when 30 seconds pass
        passes(Duration.ofSeconds(30), instance);

        // then
        assertThat(view(request).events()).filteredOn(e -> e.type().equals("BREACHED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.metric()).isEqualTo("ACKNOWLEDGEMENT");
                    assertThat(e.reason()).isEqualTo("acknowledgement not sent yet: the outbox has not reached it");
                });
    }

    @Test
    void anAcknowledgementWithNowhereToGoBreachesSayingSo() {
        // given a phone request from a customer the desk has no e-mail address for
        String customer = newCustomer();
        ServiceRequest request = intake.receive(new NewRequest(Channel.PHONE, null, null,
                new NewRequest.CustomerData(customer, "Walk-in", null, "+86 21 5555 0100", CustomerTier.STANDARD),
                Category.INQUIRY, null, "Opening hours", "When are you open on Sundays?"));
        ProcessInstance instance = instanceOf(request);
        at(T0.plusSeconds(1));
        dispatcher.dispatchDue(now());

        // when 30 seconds pass
        passes(Duration.ofSeconds(29), instance);

        // then the outbox gave up at once, and the clock breached on time, saying why
        assertThat(view(request).events()).filteredOn(e -> e.type().equals("BREACHED")).singleElement()
                .satisfies(e -> {
                    assertThat(e.metric()).isEqualTo("ACKNOWLEDGEMENT");
                    assertThat(e.at()).isEqualTo(T0.plusSeconds(30));
                    assertThat(e.reason()).isEqualTo("acknowledgement not delivered, given up after 1 attempt: "
                            + "no e-mail address for customer:" + customer);
                });
    }

    @Test
    void theFollowUpClockRunsFromResolutionUntilTheCustomerConfirms() {
        // given a request resolved at T0 + 1 h
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();

        // then the follow-up is due in 24 hours, a task for the team in Tasklist
        ClockView followUp = clock(view(request), "FOLLOW_UP");
        assertThat(followUp.state()).isEqualTo("RUNNING");
        assertThat(followUp.startedAt()).isEqualTo(resolvedAt);
        assertThat(followUp.dueAt()).isEqualTo(resolvedAt.plus(Duration.ofHours(24)));
        Task task = followUpTask(instance);
        assertThat(task.getDueDate().toInstant()).isEqualTo(followUp.dueAt());
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("tech-support"));

        // when the customer confirms 2 hours later
        at(resolvedAt.plus(Duration.ofHours(2)));
        conversation.confirm(request.getRequestKey(), "intake");

        // then the loop is closed: the clock met its target and the task left Tasklist
        RequestView view = view(request);
        assertThat(clock(view, "FOLLOW_UP").state()).isEqualTo("MET");
        assertThat(clock(view, "FOLLOW_UP").elapsed()).isEqualTo("PT2H");
        assertThat(view.events()).filteredOn(e -> e.metric().equals("FOLLOW_UP")).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("customer confirmed"));
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).list()).isEmpty();
        assertThat(instance).isWaitingAt(ServiceRequestProcess.REOPEN_WINDOW);
        assertThat(view.status()).isEqualTo(RequestStatus.CLOSED);
    }

    @Test
    void anAgentClosesTheLoopOnTheFollowUpTask() {
        // given
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();

        // when an agent calls the customer 3 hours later and records it
        at(resolvedAt.plus(Duration.ofHours(3)));
        complete(followUpTask(instance), withVariables(Var.FOLLOW_UP_NOTE, "Called: the router works."));

        // then the clock met its target; the request still waits for the customer's confirmation
        RequestView view = view(request);
        assertThat(clock(view, "FOLLOW_UP").state()).isEqualTo("MET");
        assertThat(clock(view, "FOLLOW_UP").elapsed()).isEqualTo("PT3H");
        assertThat(view.events()).filteredOn(e -> e.metric().equals("FOLLOW_UP")).singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("follow-up contact recorded"));
        assertThat(instance).isWaitingAt(ServiceRequestProcess.AWAITING_CONFIRMATION);
        assertThat(view.status()).isEqualTo(RequestStatus.RESOLVED);
        assertThat(view.messages()).filteredOn(RequestView.MessageView::internal)
                .extracting(RequestView.MessageView::body)
                .containsExactly("Follow-up contact: Called: the router works.");

        // and a later confirmation changes nothing on the follow-up clock
        conversation.confirm(request.getRequestKey(), "intake");
        assertThat(events(view(request), "FOLLOW_UP")).containsExactly("MET");
    }

    @Test
    void aLoopNobodyClosesWarnsBreachesEscalatesAndIsStoppedWhenTheReopenWindowEnds() {
        // given a request resolved at T0 + 1 h that nobody follows up
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();

        // when 24 hours pass
        passes(Duration.ofHours(24), instance);

        // then it warned at 18 h and breached at 24 h, and the team leads were told
        List<EventView> followUp = view(request).events().stream().filter(e -> e.metric().equals("FOLLOW_UP"))
                .toList();
        assertThat(followUp).extracting(EventView::type).containsExactly("WARNING", "BREACHED", "ESCALATED");
        assertThat(followUp.get(0).at()).isEqualTo(resolvedAt.plus(Duration.ofHours(18)));
        assertThat(followUp.get(1).at()).isEqualTo(resolvedAt.plus(Duration.ofHours(24)));
        assertThat(followUp.get(2).group()).isEqualTo("team-leads");

        // when the request closes by itself after 3 days, the clock keeps running (the survey may still come)
        passes(Duration.ofDays(2), instance);
        assertThat(view(request).status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(clock(view(request), "FOLLOW_UP").stoppedAt()).isNull();
        assertThat(followUpTask(instance)).isNotNull();

        // when the reopen window ends (7 days after resolution)
        passes(Duration.ofDays(4), instance);

        // then the clock stopped breached and the request's process ended
        ClockView stopped = clock(view(request), "FOLLOW_UP");
        assertThat(stopped.state()).isEqualTo("BREACHED");
        assertThat(stopped.stoppedAt()).isEqualTo(resolvedAt.plus(Duration.ofDays(7)));
        assertThat(instance).isEnded();
        assertThat(view(request).events()).filteredOn(e -> e.metric().equals("FOLLOW_UP")).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STOPPED");
            assertThat(e.reason()).isEqualTo("the reopen window ended with no confirmation, survey answer or "
                    + "follow-up contact");
        });
    }

    @Test
    void theSurveyAnsweredAfterAnAutoCloseClosesTheLoop() {
        // given a request closed by itself, its follow-up never done
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();
        passes(Duration.ofDays(3), instance);
        assertThat(view(request).status()).isEqualTo(RequestStatus.CLOSED);

        // when the customer answers the survey on day 4
        at(resolvedAt.plus(Duration.ofDays(4)));
        process.loopClosed(request, "customer answered the survey");

        // then the clock stops (breached, a day late) and the follow-up task leaves Tasklist
        ClockView stopped = clock(view(request), "FOLLOW_UP");
        assertThat(stopped.state()).isEqualTo("BREACHED");
        assertThat(stopped.stoppedAt()).isEqualTo(resolvedAt.plus(Duration.ofDays(4)));
        assertThat(view(request).events()).filteredOn(e -> e.metric().equals("FOLLOW_UP")).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("STOPPED");
            assertThat(e.reason()).isEqualTo("customer answered the survey");
        });
        assertThat(followUpTasks(instance)).isEmpty();
        assertThat(instance).isWaitingAt(ServiceRequestProcess.REOPEN_WINDOW);
    }

    @Test
    void aReopeningStopsTheFollowUpAndTheNextResolutionRunsItAgain() {
        // given a request resolved at T0 + 1 h
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();

        // when the customer reopens it an hour later
        at(resolvedAt.plus(Duration.ofHours(1)));
        conversation.reopen(request.getRequestKey(), "intake");

        // then the follow-up stopped, its task gone
        assertThat(clock(view(request), "FOLLOW_UP").state()).isEqualTo("MET");
        assertThat(followUpTasks(instance)).isEmpty();

        // when it is resolved again two hours later
        at(resolvedAt.plus(Duration.ofHours(3)));
        complete(resolveTask(instance), withVariables(Var.RESOLUTION, "Replaced the power supply too.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));

        // then the follow-up runs again from there, the hour before counted, the two hours between not
        ClockView again = clock(view(request), "FOLLOW_UP");
        assertThat(again.state()).isEqualTo("RUNNING");
        assertThat(again.paused()).isEqualTo("PT2H");
        assertThat(again.dueAt()).isEqualTo(resolvedAt.plus(Duration.ofHours(26)));
        assertThat(followUpTask(instance)).isNotNull();
    }

    @Test
    void aFollowUpThatBreachedBeforeAReopeningIsNotRunAgain() {
        // given a request resolved at T0 + 1 h, nobody following up for 30 hours, then reopened by the customer
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = resolvedAfter(request, Duration.ofHours(1));
        Instant resolvedAt = now();
        passes(Duration.ofHours(30), instance);
        conversation.reopen(request.getRequestKey(), "intake");
        List<EventView> before = view(request).events().stream().filter(e -> e.metric().equals("FOLLOW_UP"))
                .toList();

        // when it is resolved again
        at(resolvedAt.plus(Duration.ofHours(31)));
        complete(resolveTask(instance), withVariables(Var.RESOLUTION, "Replaced the power supply too.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));
        passes(Duration.ofHours(1), instance);

        // then the breached follow-up stays as it stood: no new task, no second escalation, nothing new recorded
        ClockView followUp = clock(view(request), "FOLLOW_UP");
        assertThat(followUp.state()).isEqualTo("BREACHED");
        assertThat(followUp.stoppedAt()).isEqualTo(resolvedAt.plus(Duration.ofHours(30)));
        assertThat(followUpTasks(instance)).isEmpty();
        assertThat(view(request).events().stream().filter(e -> e.metric().equals("FOLLOW_UP")).toList())
                .isEqualTo(before);
        assertThat(instance).isWaitingAt(ServiceRequestProcess.AWAITING_CONFIRMATION);
    }

    /** Answers at once and resolves {@code after} the intake; the engine clock stands at the resolution. */
    private ProcessInstance resolvedAfter(ServiceRequest request, Duration after) {
        ProcessInstance instance = instanceOf(request);
        at(T0.plusSeconds(3));
        dispatcher.dispatchDue(now());
        answer(instance, "Looking into it.");
        at(T0.plus(after));
        complete(resolveTask(instance), withVariables(Var.RESOLUTION, "Replaced the router.", Var.OUTCOME,
                ServiceRequestProcess.OUTCOME_RESOLVED));
        return instance;
    }

    private Task resolveTask(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ServiceRequestProcess.TASK_RESOLVE_REQUEST).singleResult();
    }

    private Task followUpTask(ProcessInstance instance) {
        List<Task> tasks = followUpTasks(instance);
        assertThat(tasks).hasSizeLessThanOrEqualTo(1);
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private List<Task> followUpTasks(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ServiceRequestProcess.TASK_FOLLOW_UP).list();
    }
}
