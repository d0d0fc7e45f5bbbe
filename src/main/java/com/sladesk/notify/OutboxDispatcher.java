package com.sladesk.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import com.sladesk.request.DeskClock;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Delivers due outbox rows by e-mail or webhook. A row is claimed with a conditional update before it is sent,
 * so two nodes never send the same row; a failed row waits, twice as long each time, and is FAILED after the
 * last attempt. Without an SMTP server configured (spring.mail.host) e-mail rows stay PENDING.
 * <p>
 * A poll sends what is due on {@code senders} threads at once, one request's rows in their order on one thread, and
 * takes the next batch at once while batches come full: one thread sending row after row (a connection to the mail
 * server, two commits and the acknowledgement's clock each) fell behind an intake of 20 requests a second, and the
 * acknowledgements breached waiting in the outbox.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 50;

    private final NotificationRepository notifications;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final StaffDirectory staff;
    private final OutboxProperties properties;
    private final WebhookSender webhooks;
    private final ServiceRequestRepository requests;
    private final ApplicationEventPublisher published;
    private final ExecutorService senders;

    public OutboxDispatcher(NotificationRepository notifications, JdbcTemplate jdbc, TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mailSender, StaffDirectory staff, OutboxProperties properties,
            WebhookSender webhooks, ServiceRequestRepository requests, ApplicationEventPublisher published) {
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mailSender = mailSender;
        this.staff = staff;
        this.properties = properties;
        this.webhooks = webhooks;
        this.requests = requests;
        this.published = published;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, properties.senders()), task -> {
            Thread thread = new Thread(task, "outbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            // Jakarta Mail loads the stream provider MailStreams names through this loader, whoever starts the pool
            thread.setContextClassLoader(OutboxDispatcher.class.getClassLoader());
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${sladesk.outbox.poll-interval}")
    void poll() {
        if (properties.schedule()) {
            dispatchDue(Instant.now());
        }
    }

    /** Sends every row due at {@code now}; returns how many were sent. */
    public int dispatchDue(Instant now) {
        JavaMailSender sender = mailSender.getIfAvailable();
        // a node that died while sending gives its rows back when its lease ends
        jdbc.update("update notification set status = 'PENDING', claimed_until = null "
                + "where status = 'SENDING' and claimed_until < ?", Timestamp.from(now));
        AtomicInteger sent = new AtomicInteger();
        List<Notification> due;
        long lastId = 0;
        do {
            due = notifications.findDue(now, PageRequest.of(0, BATCH));
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (List<Notification> rows : byRequest(due, sender)) {
                sending.add(CompletableFuture.runAsync(() -> {
                    for (Notification row : rows) {
                        if (claim(row.getId(), now) && deliver(sender, row.getId(), now)) {
                            sent.incrementAndGet();
                        }
                    }
                }, senders));
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
            long newest = due.stream().mapToLong(Notification::getId).max().orElse(0);
            // a full batch of rows this poll has not seen yet: more are due (rows that stay PENDING, such as
            // e-mail without a mail server, come again and end the loop)
            if (newest <= lastId) {
                break;
            }
            lastId = newest;
        } while (due.size() == BATCH);
        return sent.get();
    }

    /** The deliverable rows, one list per request in the order due (rows of no request each on their own). */
    private static List<List<Notification>> byRequest(List<Notification> due, JavaMailSender sender) {
        Map<Object, List<Notification>> rows = new LinkedHashMap<>();
        for (Notification row : due) {
            boolean deliverable = sender != null
                    || Recipient.parse(row.getRecipient()).kind() == Recipient.Kind.WEBHOOK;
            if (deliverable) {
                Object request = row.getRequestId() == null ? "row " + row.getId() : row.getRequestId();
                rows.computeIfAbsent(request, key -> new ArrayList<>()).add(row);
            }
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * Where the request's latest notification of {@code kind} stands: delivered at an instant, or why not (in
     * words for the request's history: nothing written, no mail server, the last error, given up).
     */
    public Delivery deliveryOf(long requestId, Notification.Kind kind) {
        Notification row = notifications.findByRequestIdOrderByIdAsc(requestId).stream()
                .filter(n -> n.getKind() == kind).reduce((first, second) -> second).orElse(null);
        if (row == null) {
            return new Delivery(null, "no " + kind.name().toLowerCase(Locale.ROOT)
                    + " was written for this request");
        }
        return switch (row.getStatus()) {
            case SENT -> new Delivery(row.getSentAt(), null);
            case FAILED -> new Delivery(null, "not delivered, given up after " + attempts(row) + ": "
                    + row.getLastError());
            case SENDING -> new Delivery(null, "still being sent after " + attempts(row));
            case PENDING -> new Delivery(null, row.getAttempts() > 0
                    ? "not delivered yet after " + attempts(row) + ": " + row.getLastError()
                    : mailSender.getIfAvailable() == null
                            && Recipient.parse(row.getRecipient()).kind() != Recipient.Kind.WEBHOOK
                                    ? "not sent: no mail server is configured (spring.mail.host)"
                                    : "not sent yet: the outbox has not reached it");
        };
    }

    private static String attempts(Notification row) {
        return row.getAttempts() + (row.getAttempts() == 1 ? " attempt" : " attempts");
    }

    /** A notification delivered at {@code sentAt}, or not delivered for {@code problem}. */
    public record Delivery(Instant sentAt, String problem) {

        public boolean delivered() {
            return sentAt != null;
        }
    }

    private boolean claim(long id, Instant now) {
        return jdbc.update("update notification set status = 'SENDING', claimed_until = ? "
                + "where id = ? and status = 'PENDING'", Timestamp.from(now.plus(properties.lease())), id) == 1;
    }

    private boolean deliver(JavaMailSender sender, long id, Instant now) {
        // read without a transaction of its own: the row is only read here, what changes it is finish()'s
        Notification row = notifications.findRow(id).orElseThrow();
        String error;
        try {
            Recipient recipient = Recipient.parse(row.getRecipient());
            if (recipient.kind() == Recipient.Kind.WEBHOOK) {
                webhooks.send(recipient.value(), row, requestKeyOf(row));
            } else {
                List<String> addresses = addressesOf(recipient);
                if (addresses.isEmpty()) {
                    finish(id, n -> n.failed("no e-mail address for " + row.getRecipient(), now, 0));
                    return false;
                }
                sender.send(mail(sender, row, addresses));
            }
            // sent now, not when the poll began (a slow batch)
            recordSent(id, DeskClock.now().isAfter(now) ? DeskClock.now() : now);
            return true;
        } catch (RuntimeException | MessagingException e) {
            error = e.getMessage();
            log.warn("Notification {} not delivered (attempt {}): {}", id, row.getAttempts() + 1, error);
        }
        Duration wait = properties.retryAfter().multipliedBy(1L << Math.min(row.getAttempts(), 10));
        String reason = error;
        finish(id, n -> n.failed(reason, now.plus(wait), properties.maxAttempts()));
        return false;
    }

    /** Plain text and HTML; our Message-ID, and In-Reply-To/References naming the mail we answer. */
    private MimeMessage mail(JavaMailSender sender, Notification row, List<String> addresses)
            throws MessagingException {
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(addresses.toArray(String[]::new));
        helper.setSubject(row.getSubject());
        helper.setText(row.getBody(), html(row));
        if (row.getMessageId() != null) {
            mail.setHeader("Message-ID", row.getMessageId());
        }
        if (row.getThreadRef() != null) {
            mail.setHeader("In-Reply-To", row.getThreadRef());
            mail.setHeader("References", row.getThreadRef());
        }
        return mail;
    }

    private static String html(Notification row) {
        String text = HtmlUtils.htmlEscape(row.getBody()).replace("\n", "<br>\n");
        return """
                <!DOCTYPE html>
                <html><body style="font-family: sans-serif; font-size: 14px">
                <p>%s</p>
                <hr><p style="color: #666; font-size: 12px">%s</p>
                </body></html>
                """.formatted(text, HtmlUtils.htmlEscape(row.getSubject()));
    }

    /**
     * Marks the row sent and tells whoever listens ({@link NotificationSent}: the acknowledgement's clock stops
     * with it) in the same transaction, which saves that work a transaction of its own. Should that transaction fail
     * (another change of the request came first, a listener failed), the row is marked sent alone at once, so it
     * stays claimed no longer than before, and the listeners are told after that commit, outside any transaction:
     * they do their work in transactions of their own, and a failure of theirs is logged, never taken for a failed
     * send.
     */
    private void recordSent(long id, Instant sentAt) {
        try {
            finish(id, n -> {
                n.sent(sentAt);
                published.publishEvent(new NotificationSent(id, n.getRequestId(), n.getKind(), sentAt));
            });
            return;
        } catch (RuntimeException e) {
            log.debug("Notification {} sent; recording it with what follows failed, recording it alone: {}", id,
                    e.toString());
        }
        Notification row = finish(id, n -> n.sent(sentAt));
        try {
            published.publishEvent(new NotificationSent(id, row.getRequestId(), row.getKind(), sentAt));
        } catch (RuntimeException e) {
            log.warn("Notification {} sent, but what follows a send failed: {}", id, e.toString());
        }
    }

    private String requestKeyOf(Notification row) {
        if (row.getRequestId() == null) {
            return null;
        }
        return transaction.execute(status -> requests.findById(row.getRequestId())
                .map(ServiceRequest::getRequestKey).orElse(null));
    }

    private Notification finish(long id, Consumer<Notification> change) {
        return transaction.execute(status -> {
            Notification row = notifications.findById(id).orElseThrow();
            change.accept(row);
            return row;
        });
    }

    /** A staff user's or group's addresses, or the customer's (a reference without @ has none). */
    private List<String> addressesOf(Recipient recipient) {
        return switch (recipient.kind()) {
            case USER -> staff.userEmails(recipient.value());
            case GROUP -> staff.groupEmails(recipient.value());
            case CUSTOMER, WEBHOOK -> recipient.value().contains("@") ? List.of(recipient.value()) : List.of();
        };
    }
}
