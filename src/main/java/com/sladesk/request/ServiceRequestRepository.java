package com.sladesk.request;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Queries a request's transaction runs are JPQL, not derived from method names: Hibernate translates a derived
 * (criteria) query again on every call, a JPQL string once (about a third of a read's CPU before).
 */
public interface ServiceRequestRepository extends JpaRepository<ServiceRequest, Long> {

    @Query("select r from ServiceRequest r where r.requestKey = ?1")
    Optional<ServiceRequest> findByRequestKey(String requestKey);

    /** The request with its customer, in one query: the request view shows both. */
    @Query("select r from ServiceRequest r join fetch r.customer where r.requestKey = ?1")
    Optional<ServiceRequest> findWithCustomerByRequestKey(String requestKey);

    @Query("select r from ServiceRequest r join fetch r.customer where r.id = ?1")
    Optional<ServiceRequest> findWithCustomerById(long id);

    /**
     * The request a process instance carries; only its own instance may act on it (the instance id is known
     * once intake has started it).
     */
    default ServiceRequest ofInstance(long requestId, String processInstanceId) {
        ServiceRequest request = findById(requestId).orElseThrow();
        if (request.getProcessInstanceId() != null && !request.getProcessInstanceId().equals(processInstanceId)) {
            throw new IllegalStateException("Process instance " + processInstanceId + " is not the one of "
                    + request.getRequestKey());
        }
        return request;
    }

    @Query("select r from ServiceRequest r where r.channel = ?1 and r.externalId = ?2")
    Optional<ServiceRequest> findByChannelAndExternalId(Channel channel, String externalId);

    /** Requests a customer opened on one channel since an instant: the web form's limit per address. */
    long countByChannelAndCustomer_EmailAndCreatedAtAfter(Channel channel, String email, Instant after);

    /** Newest first; a null filter matches everything. */
    @Query("""
            select r from ServiceRequest r
            where (:status is null or r.status = :status)
              and (:team is null or r.team = :team)
              and (:breached is null or r.breached = :breached)
            order by r.createdAt desc, r.id desc
            """)
    Page<ServiceRequest> search(@Param("status") RequestStatus status, @Param("team") String team,
            @Param("breached") Boolean breached, Pageable pageable);
}
