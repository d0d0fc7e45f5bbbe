package com.sladesk.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SLA behaviour that operators tune: how much warnings and escalations raise the Tasklist priority, how
 * often and how many times a silent customer is reminded (business time of the request's calendar), and
 * how long a resolved request waits for confirmation and may be reopened (wall-clock time).
 */
@ConfigurationProperties("sladesk.sla")
public record SlaProperties(int warningPriorityRaise, int escalationPriorityRaise, Duration reminderInterval,
        int maxReminders, Duration autoCloseAfter, Duration reopenWindow) {
}
