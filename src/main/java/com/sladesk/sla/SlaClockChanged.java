package com.sladesk.sla;

/** Published inside the transaction that started, paused, resumed, retargeted, breached or stopped a clock. */
public record SlaClockChanged(long requestId) {
}
