package com.sladesk.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRequestIdOrderByIdAsc(long requestId);

    boolean existsByDedupeKey(String dedupeKey);

    @Query("""
            select n from Notification n
            where n.status = com.sladesk.notify.Notification.Status.PENDING and n.nextAttemptAt <= :now
            order by n.nextAttemptAt, n.id
            """)
    List<Notification> findDue(@Param("now") Instant now, Pageable page);
}
