package com.sladesk.sla;

/** What an SLA clock measures. */
public enum SlaMetric {
    /** From receipt until an agent's first reply. Never pauses. */
    FIRST_RESPONSE,
    /** From hand-over to the experts until an expert claims the diagnosis. */
    EXPERT_RESPONSE,
    /** From receipt until resolved; pauses while waiting on the customer and while resolved. */
    RESOLUTION,
    /**
     * From receipt until the acknowledgement to the customer is delivered (its outbox row sent, not written).
     * Machines send it, so it runs on the 24x7 calendar and never pauses.
     */
    ACKNOWLEDGEMENT,
    /**
     * From resolution until the loop with the customer is closed: the customer confirmed, answered the survey,
     * or an agent recorded a follow-up contact. Runs on the request's calendar; a reopened request stops it and
     * the next resolution runs it again.
     */
    FOLLOW_UP
}
