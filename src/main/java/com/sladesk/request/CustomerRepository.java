package com.sladesk.request;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    @Query("select c from Customer c where c.customerRef = ?1")
    Optional<Customer> findByCustomerRef(String customerRef);

    List<Customer> findByEmailIgnoreCaseOrderByIdAsc(String email);
}
