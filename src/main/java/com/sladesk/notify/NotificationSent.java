package com.sladesk.notify;

import java.time.Instant;

/** An outbox row was delivered (mail accepted by the SMTP server, webhook answered 2xx) at {@code sentAt}. */
public record NotificationSent(long notificationId, Long requestId, Notification.Kind kind, Instant sentAt) {
}
