package com.sladesk.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerAnswerRepository extends JpaRepository<CustomerAnswer, Long> {

    @Query("select a from CustomerAnswer a where a.requestId = ?1 order by a.id")
    List<CustomerAnswer> findByRequestIdOrderByIdAsc(long requestId);
}
