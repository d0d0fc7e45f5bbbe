package com.sladesk.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ReclassificationRepository extends JpaRepository<Reclassification, Long> {

    List<Reclassification> findByRequestIdOrderByChangedAtAscIdAsc(long requestId);
}
