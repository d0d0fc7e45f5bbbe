package com.sladesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StatusIntervalRepository extends JpaRepository<StatusInterval, Long> {

    @Query("select i from StatusInterval i where i.requestId = ?1 order by i.startedAt, i.id")
    List<StatusInterval> findByRequestIdOrderByStartedAtAscIdAsc(long requestId);

    Optional<StatusInterval> findFirstByRequestIdAndEndedAtIsNullOrderByIdDesc(long requestId);
}
