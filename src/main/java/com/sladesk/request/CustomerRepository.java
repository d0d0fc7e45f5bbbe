package com.sladesk.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByCustomerRef(String customerRef);

    List<Customer> findByEmailIgnoreCaseOrderByIdAsc(String email);
}
