package com.sladesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlaClockRepository extends JpaRepository<SlaClock, Long>, SlaClockByNaturalId {

    @Query("select c from SlaClock c where c.requestId = ?1 order by c.id")
    List<SlaClock> findByRequestIdOrderByIdAsc(long requestId);
}
