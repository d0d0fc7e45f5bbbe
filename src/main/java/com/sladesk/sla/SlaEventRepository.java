package com.sladesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaEventRepository extends JpaRepository<SlaEvent, Long> {

    List<SlaEvent> findByRequestIdOrderByOccurredAtAscIdAsc(long requestId);

    List<SlaEvent> findByRequestIdAndMetricOrderByIdAsc(long requestId, SlaMetric metric);

    long countByRequestIdAndMetricAndType(long requestId, SlaMetric metric, SlaEvent.Type type);

    boolean existsByRequestIdAndMetricAndTypeAndLevel(long requestId, SlaMetric metric, SlaEvent.Type type, int level);
}
