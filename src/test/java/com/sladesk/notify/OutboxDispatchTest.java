package com.sladesk.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.request.ProcessTestSupport;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.TestRequests;
import com.sladesk.support.WebhookReceiver;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Outbox rows reach a real SMTP server (GreenMail) once; an outage delays them but loses nothing. */
class OutboxDispatchTest extends ProcessTestSupport {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired OutboxDispatcher dispatcher;
    @Autowired Outbox writer;

    @Test
    void aWarningReachesTheTeamByMailExactlyOnce() throws Exception {
        // given a warning for tech support (agent.wang)
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        passes(Duration.ofMinutes(12), instance);

        // when the dispatcher runs twice
        dispatcher.dispatchDue(Instant.now());
        dispatcher.dispatchDue(Instant.now());

        // then
        List<MimeMessage> mails = staffMailsAbout(request);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getAllRecipients()).extracting(Object::toString)
                .contains("agent.wang@sladesk.example");
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> n.getKind() == Notification.Kind.WARNING).singleElement()
                .satisfies(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT));
    }

    @Test
    void anSmtpOutageDelaysAnEscalationButNeitherLosesNorDuplicatesIt() throws Exception {
        // given a breach escalated to the team leads while the SMTP server is down (the acknowledgement went out)
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        ProcessInstance instance = instanceOf(request);
        acknowledge();
        passes(Duration.ofMinutes(16), instance);
        smtp.stop();
        Instant now = Instant.now();

        // when
        dispatcher.dispatchDue(now);

        // then the e-mail rows wait for another attempt
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> !n.getRecipient().startsWith("webhook:"))
                .filteredOn(n -> n.getKind() != Notification.Kind.ACKNOWLEDGEMENT).allSatisfy(n -> {
            assertThat(n.getStatus()).isEqualTo(Notification.Status.PENDING);
            assertThat(n.getAttempts()).isEqualTo(1);
            assertThat(n.getLastError()).isNotBlank();
            assertThat(n.getNextAttemptAt()).isAfter(now);
        });

        // when the server is back: nothing before the retry instant, everything once after it
        smtp.start();
        dispatcher.dispatchDue(now.plusSeconds(1));
        assertThat(staffMailsAbout(request)).isEmpty();
        dispatcher.dispatchDue(now.plus(Duration.ofMinutes(5)));
        dispatcher.dispatchDue(now.plus(Duration.ofMinutes(10)));

        // then
        assertThat(staffMailsAbout(request)).extracting(MimeMessage::getSubject).hasSize(2)
                .anySatisfy(subject -> assertThat(subject).contains("Escalated to you (level 1)"));
        assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                .filteredOn(n -> !n.getRecipient().startsWith("webhook:"))
                .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT));
    }

    @Test
    void anEscalationAlsoReachesTheTeamLeadsWeComRobotAndAFailingRobotIsRetried() throws Exception {
        // given a breach escalated to the team leads, whose group has a WeCom robot (application-test.yaml)
        ServiceRequest request = intake.receive(TestRequests.vipOutageByEmail(newCustomer()));
        acknowledge();
        passes(Duration.ofMinutes(16), instanceOf(request));
        try (WebhookReceiver robot = new WebhookReceiver(18081)) {
            robot.answer(500);
            Instant now = Instant.now();

            // when the robot fails once, then works
            dispatcher.dispatchDue(now);
            robot.answer(200);
            dispatcher.dispatchDue(now.plus(Duration.ofMinutes(5)));

            // then it got the escalation twice (one failed call, one delivery) in WeCom's text format
            List<WebhookReceiver.Call> calls = robot.calls().stream()
                    .filter(c -> c.path().equals("/wecom") && c.body().contains(request.getRequestKey())).toList();
            assertThat(calls).hasSize(2);
            JsonNode body = new ObjectMapper().readTree(calls.get(1).body());
            assertThat(body.path("msgtype").asText()).isEqualTo("text");
            assertThat(body.path("text").path("content").asText()).contains("Escalated to you (level 1)");
            assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                    .filteredOn(n -> n.getRecipient().equals("webhook:leads-wecom")).singleElement()
                    .satisfies(n -> {
                        assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT);
                        assertThat(n.getAttempts()).isEqualTo(2);
                    });
        }
    }

    @Test
    void aBacklogLargerThanABatchGoesOutInOnePollEachRequestsMailsInTheirOrder() throws Exception {
        // given 60 intakes (an acknowledgement each) and, for 3 of them, 4 replies written after it: more than the
        // 50 rows a batch takes
        List<ServiceRequest> requests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            requests.add(intake.receive(TestRequests.vipOutageByEmail(newCustomer())));
        }
        List<ServiceRequest> answered = requests.subList(0, 3);
        for (ServiceRequest request : answered) {
            for (int reply = 1; reply <= 4; reply++) {
                writer.toCustomer(request, Notification.Kind.REPLY, "Reply " + reply, "Text " + reply,
                        "test-reply/" + request.getId() + "/" + reply, now());
            }
        }

        // when the outbox polls once
        dispatcher.dispatchDue(now());

        // then every row went out, every acknowledgement's clock stopped, and each request's mails came in order
        for (ServiceRequest request : requests) {
            assertThat(notifications.findByRequestIdOrderByIdAsc(request.getId()))
                    .allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(Notification.Status.SENT));
            assertThat(clock(view(request), "ACKNOWLEDGEMENT").state()).isEqualTo("MET");
        }
        for (ServiceRequest request : answered) {
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(OutboxDispatchTest::subject)
                    .filter(subject -> subject.startsWith("[" + request.getRequestKey() + "]")))
                    .containsExactly("[%s] We received your request".formatted(request.getRequestKey()),
                            "[%s] Reply 1".formatted(request.getRequestKey()),
                            "[%s] Reply 2".formatted(request.getRequestKey()),
                            "[%s] Reply 3".formatted(request.getRequestKey()),
                            "[%s] Reply 4".formatted(request.getRequestKey()));
        }
    }

    /** Mails to staff (the customer's acknowledgement aside) about the request, each once by its Message-ID. */
    private List<MimeMessage> staffMailsAbout(ServiceRequest request) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(request.getRequestKey()))
                .filter(m -> recipients(m).endsWith("@sladesk.example")).filter(distinctBy()).toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients()).replaceAll("[\\[\\]]", "");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<MimeMessage> distinctBy() {
        Set<String> seen = new HashSet<>();
        return m -> {
            try {
                return seen.add(m.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
