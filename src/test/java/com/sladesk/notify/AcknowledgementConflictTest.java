package com.sladesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.request.ProcessTestSupport;
import com.sladesk.request.RequestView;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.request.TestRequests;

import jakarta.mail.MessagingException;

/**
 * The acknowledgement's send, its clock and the process's wait for it are recorded in one transaction. Another
 * change of the request committed meanwhile (here: on another connection, while that transaction runs) makes the
 * outbox record the send alone and stop the clock after it, never send again; a failure after every send leaves the
 * send recorded, and the breach timer finds it sent.
 */
class AcknowledgementConflictTest extends ProcessTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired OutboxDispatcher dispatcher;
    @Autowired AnotherChange anotherChange;

    @AfterEach
    void disarm() {
        anotherChange.times.set(0);
        anotherChange.fails = false;
        anotherChange.made.set(0);
        anotherChange.recordings.set(0);
    }

    @Test
    void anAcknowledgementWhoseRequestChangedMeanwhileIsRecordedAloneSentOnceAndItsClockStopsAfter() throws Exception {
        // given a request whose row another node changes while the acknowledgement's send is being recorded, once
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        anotherChange.times.set(1);

        // when
        dispatcher.dispatchDue(now());

        // then told twice (with the send, after it), one mail, the row sent after one attempt, the clock met and
        // the process no longer waits
        assertThat(anotherChange.made.get()).isEqualTo(1);
        assertThat(anotherChange.recordings.get()).isEqualTo(2);
        assertSentOnceAfterOneAttempt(request);
        RequestView view = view(request);
        assertThat(events(view, "ACKNOWLEDGEMENT")).containsExactly("MET");
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                .activityId("Task_AwaitAcknowledgement").count()).isZero();
    }

    @Test
    void anAcknowledgementWhoseRecordingFailsEveryTimeStaysSentOnceAndItsBreachTimerFindsItSent() throws Exception {
        // given a request whose acknowledgement is followed by a failure, in its send's transaction and after it
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        anotherChange.fails = true;

        // when the outbox delivers it and another poll follows
        dispatcher.dispatchDue(now());
        anotherChange.fails = false;
        dispatcher.dispatchDue(now());

        // then it went out once and is recorded sent after one attempt; the clock still counts
        assertThat(anotherChange.recordings.get()).isEqualTo(2);
        assertSentOnceAfterOneAttempt(request);
        assertThat(clock(view(request), "ACKNOWLEDGEMENT").state()).isEqualTo("RUNNING");

        // when its breach instant passes, then the clock stops as met at the send instead of breaching (its warning,
        // which only reads the clock, went to the team on the way)
        passes(Duration.ofMinutes(1), instance);
        RequestView view = view(request);
        assertThat(events(view, "ACKNOWLEDGEMENT")).contains("MET").doesNotContain("BREACHED");
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
    }

    /** One acknowledgement reached the mail server, and its row is sent after one attempt. */
    private void assertSentOnceAfterOneAttempt(ServiceRequest request) throws MessagingException {
        assertThat(acknowledgementsOf(request)).isEqualTo(1);
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.ACKNOWLEDGEMENT).singleElement()
                .satisfies(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
                    assertThat(n.getAttempts()).isEqualTo(1);
                });
    }

    private static long acknowledgementsOf(ServiceRequest request) throws MessagingException {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().equals("[%s] We received your request".formatted(request.getRequestKey()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @TestConfiguration
    static class Conflicts {

        @Bean
        AnotherChange anotherChange(JdbcTemplate jdbc, ServiceRequestRepository requests) {
            return new AnotherChange(jdbc, requests);
        }
    }

    /**
     * Hears of a send before anyone else: commits a change of its request on another connection, as another node,
     * while the send is being recorded ({@code times} times), or fails ({@code fails}).
     */
    static class AnotherChange {

        final AtomicInteger times = new AtomicInteger();
        volatile boolean fails;
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger recordings = new AtomicInteger();
        private final JdbcTemplate jdbc;
        private final ServiceRequestRepository requests;

        AnotherChange(JdbcTemplate jdbc, ServiceRequestRepository requests) {
            this.jdbc = jdbc;
            this.requests = requests;
        }

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void on(NotificationSent sent) {
            if (sent.kind() != Notification.Kind.ACKNOWLEDGEMENT) {
                return;
            }
            recordings.incrementAndGet();
            if (fails) {
                throw new IllegalStateException("what follows the send fails");
            }
            if (times.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                // the recording transaction has read the request as it was
                requests.findById(sent.requestId()).orElseThrow();
                CompletableFuture.runAsync(() -> jdbc.update(
                        "update service_request set version = version + 1 where id = ?", sent.requestId())).join();
                made.incrementAndGet();
            }
        }
    }
}
