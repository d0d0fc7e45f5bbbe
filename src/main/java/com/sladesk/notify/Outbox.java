package com.sladesk.notify;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.sladesk.request.Channel;
import com.sladesk.request.ServiceRequest;

/**
 * Writes notifications into the outbox, in the caller's transaction, once per dedupe key (the unique key
 * backs this up across nodes). Customers are answered on their request's channel: through the channel's
 * webhook when one is configured, else by e-mail. Staff get e-mail, and a group's webhook when it has one.
 */
@Component
public class Outbox {

    private final NotificationRepository notifications;
    private final WebhookProperties webhooks;
    private final String messageIdDomain;

    public Outbox(NotificationRepository notifications, WebhookProperties webhooks, OutboxProperties properties) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.messageIdDomain = properties.from().substring(properties.from().indexOf('@') + 1);
    }

    /** A message to the request's customer; {@code dedupeKey} makes it one per event. */
    public void toCustomer(ServiceRequest request, Notification.Kind kind, String subject, String text,
            String dedupeKey, Instant now) {
        String target = webhooks.channels().get(request.getChannel());
        if (target != null) {
            save(new Notification(request.getId(), kind, Recipient.webhook(target).address(), subject, text, dedupeKey,
                    now)
                    .threaded(null, request.getConversationId() != null ? request.getConversationId()
                            : request.getExternalId()));
            return;
        }
        String address = request.getCustomer().getEmail();
        String recipient = Recipient.customer(address != null ? address : request.getCustomer().getCustomerRef())
                .address();
        // the customer's own mail is what our answer replies to, so their mail program threads it
        String answers = request.getChannel() == Channel.EMAIL ? request.getExternalId() : null;
        save(new Notification(request.getId(), kind, recipient, "[%s] %s".formatted(request.getRequestKey(), subject),
                text, dedupeKey, now).threaded(messageIdOf(dedupeKey), answers));
    }

    /** A notice to staff about no single request (a report): once per dedupe key. */
    public void toStaff(Notification.Kind kind, Recipient recipient, String subject, String text, String dedupeKey,
            Instant now) {
        toStaff(null, kind, recipient, subject, text, dedupeKey, now);
    }

    /** A notice to a staff user or group by e-mail, plus the group's webhook if any. */
    public void toStaff(Long requestId, Notification.Kind kind, Recipient recipient, String subject, String text,
            String dedupeKey, Instant now) {
        save(new Notification(requestId, kind, recipient.address(), subject, text, dedupeKey, now)
                .threaded(messageIdOf(dedupeKey), null));
        String target = recipient.kind() == Recipient.Kind.GROUP ? webhooks.groups().get(recipient.value()) : null;
        if (target != null) {
            save(new Notification(requestId, kind, Recipient.webhook(target).address(), subject, text,
                    dedupeKey + "/webhook", now));
        }
    }

    private void save(Notification notification) {
        if (!notifications.existsByDedupeKey(notification.getDedupeKey())) {
            notifications.save(notification);
        }
    }

    private String messageIdOf(String dedupeKey) {
        return "<" + dedupeKey.replaceAll("[^A-Za-z0-9-]", ".") + "@" + messageIdDomain + ">";
    }
}
