package com.sladesk.request;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerAnswerRepository extends JpaRepository<CustomerAnswer, Long> {

    List<CustomerAnswer> findByRequestIdOrderByIdAsc(long requestId);
}
