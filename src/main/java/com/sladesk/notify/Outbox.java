package com.sladesk.notify;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** Writes notifications into the outbox, once per dedupe key (the unique key backs this up across nodes). */
@Component
public class Outbox {

    private final NotificationRepository notifications;

    public Outbox(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    public void enqueue(long requestId, Notification.Kind kind, String recipient, String subject, String body,
            String dedupeKey, Instant now) {
        if (!notifications.existsByDedupeKey(dedupeKey)) {
            notifications.save(new Notification(requestId, kind, recipient, subject, body, dedupeKey, now));
        }
    }
}
