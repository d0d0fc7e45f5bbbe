package com.sladesk.sla;

/** What an SLA clock measures. */
public enum SlaMetric {
    /** From receipt until an agent's first reply. Never pauses. */
    FIRST_RESPONSE,
    /** From hand-over to the experts until an expert claims the diagnosis. */
    EXPERT_RESPONSE,
    /** From receipt until resolved; pauses while waiting on the customer and while resolved. */
    RESOLUTION
}
