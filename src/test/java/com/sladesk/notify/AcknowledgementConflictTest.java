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
 * The acknowledgement's send, its clock and the process's wait for it are recorded in one transaction: another
 * change of the request committed in between (here: on another connection, while that transaction runs) makes the
 * outbox record it again, never send it again; one that conflicts every time leaves the send recorded and the
 * breach timer finds it sent.
 */
class AcknowledgementConflictTest extends ProcessTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired OutboxDispatcher dispatcher;
    @Autowired AnotherChange anotherChange;

    @AfterEach
    void disarm() {
        anotherChange.times.set(0);
        anotherChange.made.set(0);
        anotherChange.recordings.set(0);
    }

    @Test
    void anAcknowledgementWhoseRequestChangedMeanwhileIsRecordedAgainAndSentOnce() throws Exception {
        // given a request whose row another node changes while the acknowledgement's send is being recorded, once
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        anotherChange.times.set(1);

        // when
        dispatcher.dispatchDue(now());

        // then recorded twice, one mail, the row sent after one attempt, the clock met and the process no longer waits
        assertThat(anotherChange.made.get()).isEqualTo(1);
        assertThat(anotherChange.recordings.get()).isEqualTo(2);
        assertThat(acknowledgementsOf(request)).isEqualTo(1);
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.ACKNOWLEDGEMENT).singleElement()
                .satisfies(n -> {
                    assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
                    assertThat(n.getAttempts()).isEqualTo(1);
                });
        RequestView view = view(request);
        assertThat(events(view, "ACKNOWLEDGEMENT")).containsExactly("MET");
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId())
                .activityId("Task_AwaitAcknowledgement").count()).isZero();
    }

    @Test
    void anAcknowledgementThatConflictsEveryTimeStaysSentAndItsBreachTimerFindsItSent() throws Exception {
        // given a request whose row changes every time the acknowledgement's send is being recorded
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        anotherChange.times.set(Integer.MAX_VALUE);

        // when the outbox delivers it and another poll follows
        dispatcher.dispatchDue(now());
        anotherChange.times.set(0);
        dispatcher.dispatchDue(now());

        // then it went out once and is recorded sent, the clock still counts
        assertThat(anotherChange.made.get()).isGreaterThan(1);
        assertThat(acknowledgementsOf(request)).isEqualTo(1);
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.ACKNOWLEDGEMENT).singleElement()
                .satisfies(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT));
        assertThat(clock(view(request), "ACKNOWLEDGEMENT").state()).isEqualTo("RUNNING");

        // when its breach instant passes, then the clock stops as met at the send instead of breaching (its warning,
        // which only reads the clock, went to the team on the way)
        passes(Duration.ofMinutes(1), instance);
        RequestView view = view(request);
        assertThat(events(view, "ACKNOWLEDGEMENT")).contains("MET").doesNotContain("BREACHED");
        assertThat(clock(view, "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
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

    /** While a send is being recorded, commits a change of its request on another connection, as another node. */
    static class AnotherChange {

        final AtomicInteger times = new AtomicInteger();
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger recordings = new AtomicInteger();
        private final JdbcTemplate jdbc;
        private final ServiceRequestRepository requests;

        AnotherChange(JdbcTemplate jdbc, ServiceRequestRepository requests) {
            this.jdbc = jdbc;
            this.requests = requests;
        }

        @EventListener
        void on(NotificationSent sent) {
            if (sent.kind() != Notification.Kind.ACKNOWLEDGEMENT) {
                return;
            }
            recordings.incrementAndGet();
            if (times.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                // the recording transaction has read the request as it was, whichever listener runs first
                requests.findById(sent.requestId()).orElseThrow();
                CompletableFuture.runAsync(() -> jdbc.update(
                        "update service_request set version = version + 1 where id = ?", sent.requestId())).join();
                made.incrementAndGet();
            }
        }
    }
}
