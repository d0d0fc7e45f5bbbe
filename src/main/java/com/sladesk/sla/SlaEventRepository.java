package com.sladesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlaEventRepository extends JpaRepository<SlaEvent, Long> {

    @Query("select e from SlaEvent e where e.requestId = ?1 order by e.occurredAt, e.id")
    List<SlaEvent> findByRequestIdOrderByOccurredAtAscIdAsc(long requestId);

    @Query("select e from SlaEvent e where e.requestId = ?1 and e.metric = ?2 order by e.id")
    List<SlaEvent> findByRequestIdAndMetricOrderByIdAsc(long requestId, SlaMetric metric);

    @Query("select count(e) from SlaEvent e where e.requestId = ?1 and e.metric = ?2 and e.type = ?3")
    long countByRequestIdAndMetricAndType(long requestId, SlaMetric metric, SlaEvent.Type type);

    @Query("""
            select count(e) > 0 from SlaEvent e
            where e.requestId = ?1 and e.metric = ?2 and e.type = ?3 and e.level = ?4""")
    boolean existsByRequestIdAndMetricAndTypeAndLevel(long requestId, SlaMetric metric, SlaEvent.Type type, int level);
}
