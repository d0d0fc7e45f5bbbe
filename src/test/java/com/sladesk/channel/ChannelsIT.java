package com.sladesk.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sladesk.notify.Signatures;
import com.sladesk.request.Channel;
import com.sladesk.request.ServiceRequest;
import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.support.ApiClient;
import com.sladesk.support.Eventually;
import com.sladesk.support.WebhookReceiver;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Channels end to end through the real protocols: mail in over IMAP and out over SMTP (GreenMail), signed
 * webhooks in over HTTP and out to a local HTTP server, the web form and the survey page in an HTTP client
 * with cookies. The app's own pollers run (mailbox and outbox every half second); the test waits for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sladesk.outbox.schedule=true",
        "sladesk.outbox.poll-interval=PT0.5S",
        "sladesk.channels.mail.enabled=true",
        "sladesk.channels.mail.host=127.0.0.1",
        "sladesk.channels.mail.port=3143",
        "sladesk.channels.mail.username=" + ChannelsIT.SUPPORT,
        "sladesk.channels.mail.password=" + ChannelsIT.SUPPORT_PASSWORD,
        "sladesk.channels.mail.poll-interval=PT0.5S",
        "sladesk.channels.web-form.max-per-hour=2"})
@DirtiesContext
class ChannelsIT {

    static final String SUPPORT = "support@sladesk.test";
    static final String SUPPORT_PASSWORD = "imap-secret";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD))
            .withPerMethodLifecycle(false);

    static WebhookReceiver gateway;

    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired ServiceRequestRepository requests;

    private ApiClient api;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new WebhookReceiver(18081);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(json, port);
    }

    @Test
    void aMailBecomesARequestAndTheCustomerIsAcknowledgedWithinSeconds() throws Exception {
        // given
        String customer = "ann-" + UUID.randomUUID() + "@customer.test";
        String messageId = "<" + UUID.randomUUID() + "@customer.test>";

        // when
        long sentAt = System.nanoTime();
        send(customer, "Printer prints blank pages", "Since this morning every page is blank.", messageId, null);

        // then a request with the mail's facts, and the acknowledgement in the customer's mailbox
        ServiceRequest request = requestFor(Channel.EMAIL, messageId);
        MimeMessage ack = mailTo(customer, request.getRequestKey() + "] We received your request");
        long ackMillis = Duration.ofNanos(System.nanoTime() - sentAt).toMillis();
        System.out.printf("Acknowledgement in the customer's mailbox %d ms after the mail was sent%n", ackMillis);
        assertThat(ackMillis).isLessThan(30_000);
        assertThat(ack.getHeader("In-Reply-To")).containsExactly(messageId);
        assertThat(partTypes(ack)).contains("text/plain", "text/html");
        JsonNode view = api.getJson("/api/requests/" + request.getRequestKey(), "intake");
        assertThat(view.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(view.path("subject").asText()).isEqualTo("Printer prints blank pages");
        assertThat(view.path("customer").path("email").asText()).isEqualTo(customer);
        assertThat(view.path("clocks").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(api.getJson("/api/requests/" + request.getRequestKey() + "/notifications", "intake"))
                .anySatisfy(n -> {
                    assertThat(n.path("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
                    assertThat(n.path("status").asText()).isEqualTo("SENT");
                });
    }

    @Test
    void theAgentsAnswerReachesTheCustomerAndOnlyTheCustomersReplyResumesThePausedClock() throws Exception {
        // given a request by mail, answered by the agent in Tasklist
        String customer = "bo-" + UUID.randomUUID() + "@customer.test";
        String messageId = "<" + UUID.randomUUID() + "@customer.test>";
        send(customer, "Router keeps rebooting", "Every ten minutes.", messageId, null);
        String key = requestFor(Channel.EMAIL, messageId).getRequestKey();
        String agent = api.agentOf(key);
        api.claimAndSubmit(api.onlyTaskOf(key, agent), agent, Var.REPLY, "We are looking at the router logs.");

        // then the answer is in the customer's mailbox, key in the subject, threaded to their mail
        MimeMessage answer = mailTo(customer, "[" + key + "] Router keeps rebooting");
        assertThat(plainText(answer)).contains("We are looking at the router logs.");
        assertThat(answer.getHeader("In-Reply-To")).containsExactly(messageId);

        // when the agent asks a question, the clock pauses and the question is mailed
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.RESOLUTION, "Need the firmware version.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_WAITING_ON_CUSTOMER, Var.QUESTION,
                "Which firmware version does the router run?");
        assertThat(resolutionClock(key)).isEqualTo("PAUSED");
        MimeMessage question = mailTo(customer, "[" + key + "] A question about your request");
        String questionId = question.getMessageID();
        assertThat(questionId).contains(key);

        // when a stranger answers the question, naming the key and the question's Message-ID
        String strangersId = "<" + UUID.randomUUID() + "@elsewhere.test>";
        send("mallory@elsewhere.test", "Re: [" + key + "] A question about your request", "Version 9.9",
                strangersId, questionId);

        // then that is a new request, and the customer's request still waits
        ServiceRequest strangers = requestFor(Channel.EMAIL, strangersId);
        assertThat(strangers.getRequestKey()).isNotEqualTo(key);
        assertThat(resolutionClock(key)).isEqualTo("PAUSED");

        // when the customer replies to the question (quoting it), and the same mail arrives a second time
        String replyId = "<" + UUID.randomUUID() + "@customer.test>";
        String reply = "It runs 2.4.1.\n\nOn Monday, SLA Desk wrote:\n> Which firmware version does the router run?";
        send(customer, "Re: [" + key + "] A question about your request", reply, replyId, questionId);
        Eventually.await("the reply resumes " + key, PATIENCE,
                () -> Optional.of(resolutionClock(key)).filter("RUNNING"::equals));
        send(customer, "Re: [" + key + "] A question about your request", reply, replyId, questionId);
        Eventually.await("every mail in the support mailbox processed", PATIENCE,
                () -> Optional.of(unreadSupportMails()).filter(unread -> unread == 0));

        // then the reply is on the request once, without the quote, and the request is back with the agent
        JsonNode view = api.getJson("/api/requests/" + key, "intake");
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(customerMessages(view)).containsExactly("It runs 2.4.1.");
    }

    @Test
    void aForgedWebhookIsRefusedAndStoresNothing() throws Exception {
        // given
        String eventId = "evt-" + UUID.randomUUID();
        String body = chatEvent(eventId, "conv-" + UUID.randomUUID(), "Hello?");

        // when
        HttpResponse<String> forged = postEvent("CHAT", body, Signatures.sign("not-the-secret", bytes(body)));
        HttpResponse<String> unsigned = postEvent("CHAT", body, null);

        // then
        for (HttpResponse<String> refused : List.of(forged, unsigned)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(requests.findByChannelAndExternalId(Channel.CHAT, eventId)).isEmpty();
        assertThat(postEvent("EMAIL", body, sign("CHAT", body)).statusCode()).isEqualTo(404);
    }

    @Test
    void theSameWebhookEventTwiceMakesOneRequestAndTheConversationThreadsIntoIt() throws Exception {
        // given
        String conversation = "conv-" + UUID.randomUUID();
        String first = chatEvent("evt-" + UUID.randomUUID(), conversation, "My app crashes on start.");

        // when the gateway delivers the first event twice, then a follow-up in the same conversation
        HttpResponse<String> created = postEvent("CHAT", first, sign("CHAT", first));
        HttpResponse<String> again = postEvent("CHAT", first, sign("CHAT", first));
        String followUp = chatEvent("evt-" + UUID.randomUUID(), conversation, "It is version 5.2.");
        HttpResponse<String> added = postEvent("CHAT", followUp, sign("CHAT", followUp));

        // then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = json.readTree(created.body()).path("requestKey").asText();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("requestKey").asText()).isEqualTo(key);
        assertThat(json.readTree(again.body()).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(json.readTree(added.body()).path("outcome").asText()).isEqualTo("ADDED");
        assertThat(json.readTree(added.body()).path("requestKey").asText()).isEqualTo(key);
        assertThat(customerMessages(api.getJson("/api/requests/" + key, "intake")))
                .containsExactly("It is version 5.2.");

        // and the acknowledgement goes back into the conversation through the chat gateway, signed
        WebhookReceiver.Call ack = Eventually.await("acknowledgement to the chat gateway", PATIENCE,
                () -> gateway.calls().stream().filter(c -> c.body().contains(key)).findFirst());
        JsonNode payload = json.readTree(ack.body());
        assertThat(ack.path()).isEqualTo("/chat");
        assertThat(payload.path("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(payload.path("conversationId").asText()).isEqualTo(conversation);
        assertThat(Signatures.verify("chat-out-secret", bytes(ack.body()), ack.signature())).isTrue();
    }

    @Test
    void aPhoneCallStartsItsRequestWhenTheCallStarted() throws Exception {
        // given
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(12).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode event = json.createObjectNode().put("eventId", "call-" + UUID.randomUUID())
                .put("conversationId", "call-" + UUID.randomUUID()).put("text", "Caller reports no dial tone.");
        event.putObject("customer").put("phone", "+86-10-5555-" + (1000 + (int) (Math.random() * 8999)))
                .put("name", "Li Lei");
        event.putObject("call").put("startedAt", started.toString()).put("direction", "INBOUND");
        String body = json.writeValueAsString(event);

        // when
        HttpResponse<String> created = postEvent("PHONE", body, sign("PHONE", body));

        // then
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = api.getJson("/api/requests/" + json.readTree(created.body()).path("requestKey").asText(),
                "intake");
        assertThat(view.path("channel").asText()).isEqualTo("PHONE");
        assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant()).isEqualTo(started.toInstant());
    }

    @Test
    void theWebFormTakesARequestWithCsrfProtectionAndALimitPerAddress() throws Exception {
        // given a customer's browser, in Chinese
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/support", "zh-CN,zh;q=0.9");
        assertThat(page.body()).contains("联系客服");
        assertThat(browser.get("/support", "en-GB,en;q=0.8").body()).contains("Contact support");
        String email = "cai-" + UUID.randomUUID() + "@customer.test";
        Map<String, String> form = Map.of("subject", "Invoice shows the wrong amount", "description",
                "Invoice 2026-11 charges twice.", "email", email, "category", "BILLING",
                "submissionId", field(page.body(), "submissionId"));

        // when a post without the CSRF token, one with a bad address, then a good one twice (double click)
        int forged = browser.post("/support", form, null).statusCode();
        HttpResponse<String> invalid = browser.post("/support", Map.of("subject", "x", "description", "y",
                "email", "not-an-address", "submissionId", field(page.body(), "submissionId")), page.body());
        HttpResponse<String> done = browser.post("/support", form, page.body());
        HttpResponse<String> doubleClick = browser.post("/support", form, page.body());

        // then
        assertThat(forged).isEqualTo(403);
        assertThat(invalid.statusCode()).isEqualTo(400);
        String key = matching(done.body(), "id=\"request-key\">(SR-\\d+)<");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(matching(doubleClick.body(), "id=\"request-key\">(SR-\\d+)<")).isEqualTo(key);
        assertThat(api.getJson("/api/requests/" + key, "intake").path("channel").asText()).isEqualTo("WEB");
        mailTo(email, "[" + key + "] We received your request");

        // when the same address sends more than two requests within the hour
        Map<String, String> second = Map.of("subject", "Another one", "description", "More.", "email", email,
                "submissionId", UUID.randomUUID().toString());
        Map<String, String> third = Map.of("subject", "And another", "description", "More.", "email", email,
                "submissionId", UUID.randomUUID().toString());
        assertThat(browser.post("/support", second, page.body()).statusCode()).isEqualTo(200);
        assertThat(browser.post("/support", third, page.body()).statusCode()).isEqualTo(429);
    }

    @Test
    void aSurveyAnswerIsStoredOnce() throws Exception {
        // given a closed request
        String email = "dan-" + UUID.randomUUID() + "@customer.test";
        String key = closedRequestOf(email);
        MimeMessage survey = mailTo(email, "[" + key + "] How did we do?");
        String link = matching(plainText(survey), "(/survey/[A-Za-z0-9.=-]+)");
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get(link, "en");
        assertThat(page.statusCode()).isEqualTo(200);

        // when the customer answers twice, and someone tries a forged link
        HttpResponse<String> first = browser.post(link, Map.of("score", "4", "comment", "Quick and kind."),
                page.body());
        HttpResponse<String> second = browser.post(link, Map.of("score", "1"), page.body());
        int forged = browser.get(link.substring(0, link.length() - 1) + (link.endsWith("0") ? "1" : "0"), "en")
                .statusCode();

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Thank you for your answer.");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(forged).isEqualTo(404);
        assertThat(api.getJson("/api/requests/" + key, "intake").path("satisfactionScore").asInt()).isEqualTo(4);
    }

    private String closedRequestOf(String email) throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "WEB").put("subject", "Cannot log in")
                .put("description", "Password reset mail never arrives.");
        body.putObject("customer").put("email", email).put("tier", "GOLD");
        String key = json.readTree(api.post("/api/requests", "intake", body).body()).path("key").asText();
        String agent = api.agentOf(key);
        api.claimAndSubmit(api.onlyTaskOf(key, agent), agent, Var.REPLY, "Looking into it.");
        api.submitForm(api.onlyTaskOf(key, agent), agent, Var.RESOLUTION, "Reset mails were blocked; fixed.",
                Var.OUTCOME, ServiceRequestProcess.OUTCOME_RESOLVED);
        assertThat(api.post("/api/requests/" + key + "/confirm", "intake", "").statusCode()).isEqualTo(200);
        return key;
    }

    private void send(String from, String subject, String text, String messageId, String inReplyTo)
            throws MessagingException {
        MimeMessage message = new MimeMessage(GreenMailUtil.getSession(ServerSetupTest.SMTP)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(SUPPORT));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        GreenMailUtil.sendMimeMessage(message);
    }

    private ServiceRequest requestFor(Channel channel, String externalId) throws Exception {
        return Eventually.await("a request for " + externalId, PATIENCE,
                () -> requests.findByChannelAndExternalId(channel, externalId));
    }

    private MimeMessage mailTo(String address, String subjectPart) throws Exception {
        return Eventually.await("a mail to " + address + " about " + subjectPart, PATIENCE,
                () -> Arrays.stream(mail.getReceivedMessages())
                        .filter(m -> recipients(m).contains(address) && subject(m).contains(subjectPart))
                        .findFirst());
    }

    /** Mails in the support mailbox that no poll has taken in yet, read over IMAP. */
    private static int unreadSupportMails() throws MessagingException {
        try (Store store = GreenMailUtil.getSession(ServerSetupTest.IMAP).getStore("imap")) {
            store.connect("127.0.0.1", ServerSetupTest.IMAP.getPort(), SUPPORT, SUPPORT_PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.getUnreadMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    /** The text/plain part of a mail as the customer's mail program shows it (decoded). */
    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private String resolutionClock(String key) throws Exception {
        for (JsonNode clock : api.getJson("/api/requests/" + key, "intake").path("clocks")) {
            if (clock.path("metric").asText().equals("RESOLUTION")) {
                return clock.path("state").asText();
            }
        }
        return null;
    }

    private static List<String> customerMessages(JsonNode view) {
        return StreamSupport.stream(view.path("messages").spliterator(), false)
                .filter(m -> m.path("author").asText().equals("CUSTOMER")).map(m -> m.path("body").asText())
                .toList();
    }

    private String chatEvent(String eventId, String conversation, String text) throws Exception {
        ObjectNode event = json.createObjectNode().put("eventId", eventId).put("conversationId", conversation)
                .put("text", text).put("sentAt", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5).toString());
        event.putObject("customer").put("id", "chat-user-" + conversation).put("name", "Wang Fang");
        return json.writeValueAsString(event);
    }

    private HttpResponse<String> postEvent(String channel, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/channels/" + channel + "/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-SlaDesk-Signature", signature);
        }
        return api.send(request);
    }

    private static String sign(String channel, String body) {
        return Signatures.sign(channel.toLowerCase() + "-test-secret", bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> partTypes(MimeMessage message) throws Exception {
        return Stream.of(GreenMailUtil.getWholeMessage(message).split("\n"))
                .filter(line -> line.toLowerCase().startsWith("content-type:"))
                .map(line -> line.substring("content-type:".length()).trim().split(";")[0].toLowerCase()).toList();
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String html, String name) {
        return matching(html, "name=\"" + name + "\" value=\"([^\"]*)\"");
    }

    private static String matching(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    /** A customer's browser: keeps the session cookie, sends forms with the page's CSRF token when given one. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path, String language) throws Exception {
            return http.send(HttpRequest.newBuilder(api.uri(path)).header("Accept-Language", language).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String pageWithToken) throws Exception {
            Map<String, String> sent = new LinkedHashMap<>(fields);
            if (pageWithToken != null) {
                sent.put("_csrf", field(pageWithToken, "_csrf"));
            }
            String form = sent.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(api.uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
