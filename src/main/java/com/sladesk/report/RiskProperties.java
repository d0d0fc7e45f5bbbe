package com.sladesk.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Breach risk: the probability at which a running clock counts as at risk (dashboard, RISK event, task
 * priority), how far back the history reaches and how often it is read again, how often the desk looks for
 * clocks crossing the threshold ({@code schedule} off: only when called), and how much a task's priority rises.
 */
@ConfigurationProperties("sladesk.risk")
public record RiskProperties(double alertThreshold, Duration history, Duration refresh, boolean schedule,
        Duration checkEvery, int priorityBoost) {
}
