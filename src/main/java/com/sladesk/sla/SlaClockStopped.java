package com.sladesk.sla;

import java.time.Duration;

/** Published inside the transaction that stopped a clock: its business time from start to stop. */
public record SlaClockStopped(long requestId, SlaMetric metric, String team, Duration elapsed, boolean breached) {
}
