package com.sladesk.request;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.notify.NotificationRepository;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.RequestSla.ClockView;
import com.sladesk.request.RequestSla.EventView;

/** The application with its engine; the engine clock starts at {@link #T0} and moves only when a test moves it. */
@SpringBootTest
public abstract class ProcessTestSupport {

    protected static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected RepositoryService repositoryService;
    @Autowired protected RequestIntake intake;
    @Autowired protected RequestReader reader;
    @Autowired protected RequestConversation conversation;
    @Autowired protected NotificationRepository notifications;
    @Autowired protected OutboxDispatcher outbox;

    private Instant now;

    @BeforeEach
    void startTheClock() {
        AbstractAssertions.init(processEngine);
        at(T0);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    /** Moves the engine clock to {@code instant}. */
    protected void at(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /**
     * Lets {@code duration} pass as the job executor would see it: the clock stops at each timer that comes
     * due on the way, runs it, and goes on.
     */
    protected void passes(Duration duration, ProcessInstance instance) {
        Instant end = now.plus(duration);
        Job next;
        while ((next = managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .duedateLowerThan(Date.from(end.plusMillis(1))).orderByJobDuedate().asc().listPage(0, 1).stream()
                .findFirst().orElse(null)) != null) {
            Instant due = next.getDuedate().toInstant();
            at(due.isAfter(now) ? due : now);
            execute(next);
        }
        at(end);
    }

    protected Instant now() {
        return now;
    }

    protected static String newCustomer() {
        return "customer-" + CUSTOMERS.incrementAndGet();
    }

    protected ProcessInstance instanceOf(ServiceRequest request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.getProcessInstanceId())
                .singleResult();
    }

    protected RequestView view(ServiceRequest request) {
        return reader.detail(request.getRequestKey()).orElseThrow();
    }

    protected static ClockView clock(RequestView view, String metric) {
        return view.clocks().stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
    }

    protected static List<String> types(RequestView view) {
        return view.events().stream().map(EventView::type).toList();
    }

    protected static List<String> events(RequestView view, String metric) {
        return view.events().stream().filter(e -> e.metric().equals(metric)).map(EventView::type).toList();
    }

    protected List<Job> timers(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().list();
    }

    protected List<Job> executableTimer(ProcessInstance instance, String timerId) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerId)
                .executable().list();
    }

    /** The agent answers the customer on the open Respond to customer task. */
    protected void answer(ProcessInstance instance, String reply) {
        complete(task(instance), withVariables(Var.REPLY, reply));
    }

    /**
     * The outbox delivers what is due at the engine's now, as it does a few seconds after an intake: the
     * acknowledgement reaches the customer and its clock stops. A test's own SMTP server is used if one runs,
     * else GreenMail runs for the call.
     */
    protected void acknowledge() {
        if (smtpRuns()) {
            outbox.dispatchDue(now);
            return;
        }
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        try {
            outbox.dispatchDue(now);
        } finally {
            smtp.stop();
        }
    }

    private static boolean smtpRuns() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", ServerSetupTest.SMTP.getPort()), 200);
            return true;
        } catch (IOException nothingListens) {
            return false;
        }
    }

    protected void executeDueJobs(ProcessInstance instance) {
        List<Job> due;
        while (!(due = managementService.createJobQuery().processInstanceId(instance.getId()).executable()
                .orderByJobDuedate().asc().list()).isEmpty()) {
            execute(due.get(0));
        }
    }
}
