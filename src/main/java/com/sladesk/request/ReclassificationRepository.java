package com.sladesk.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReclassificationRepository extends JpaRepository<Reclassification, Long> {

    @Query("select r from Reclassification r where r.requestId = ?1 order by r.changedAt, r.id")
    List<Reclassification> findByRequestIdOrderByChangedAtAscIdAsc(long requestId);
}
