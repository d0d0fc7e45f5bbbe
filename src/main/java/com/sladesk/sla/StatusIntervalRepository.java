package com.sladesk.sla;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface StatusIntervalRepository extends JpaRepository<StatusInterval, Long> {

    List<StatusInterval> findByRequestIdOrderByStartedAtAscIdAsc(long requestId);

    Optional<StatusInterval> findFirstByRequestIdAndEndedAtIsNullOrderByIdDesc(long requestId);
}
