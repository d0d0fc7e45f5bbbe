package com.sladesk.sla;

import java.util.Optional;

/** A request's clock of one metric, by its natural id: from the persistence context when it holds it already. */
interface SlaClockByNaturalId {

    Optional<SlaClock> clockOf(long requestId, SlaMetric metric);
}
