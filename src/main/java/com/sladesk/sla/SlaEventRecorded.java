package com.sladesk.sla;

/** Published inside the transaction that recorded an SLA event (warning, breach, escalation, met, pause). */
public record SlaEventRecorded(long requestId, SlaMetric metric, SlaEvent.Type type, int level, String team) {
}
