package com.sladesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaClockRepository extends JpaRepository<SlaClock, Long>, SlaClockByNaturalId {

    List<SlaClock> findByRequestIdOrderByIdAsc(long requestId);

    Optional<SlaClock> findByRequestIdAndMetric(long requestId, SlaMetric metric);
}
