package com.sladesk.notify;

import java.time.Instant;

/**
 * An outbox row was delivered (mail accepted by the SMTP server, webhook answered 2xx) at {@code sentAt}. Published
 * in the transaction that marks the row sent; should that transaction fail, once the row was marked sent alone,
 * outside any transaction.
 */
public record NotificationSent(long notificationId, Long requestId, Notification.Kind kind, Instant sentAt) {
}
