package com.sladesk.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of the outbox: how often it is polled, how long a node holds a row it is sending, how often a
 * failed row is retried (the wait doubles each time), the sender address, and how many rows are sent at once.
 */
@ConfigurationProperties("sladesk.outbox")
public record OutboxProperties(boolean schedule, Duration pollInterval, Duration lease, int maxAttempts,
        Duration retryAfter, String from, int senders) {
}
