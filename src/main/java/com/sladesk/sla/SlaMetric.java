package com.sladesk.sla;

/** What an SLA clock measures. */
public enum SlaMetric {
    FIRST_RESPONSE, RESOLUTION
}
