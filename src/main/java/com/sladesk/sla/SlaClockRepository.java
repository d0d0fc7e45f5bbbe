package com.sladesk.sla;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SlaClockRepository extends JpaRepository<SlaClock, Long>, SlaClockByNaturalId {

    List<SlaClock> findByRequestIdOrderByIdAsc(long requestId);
}
