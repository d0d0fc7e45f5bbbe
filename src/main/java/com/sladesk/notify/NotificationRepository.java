package com.sladesk.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select n from Notification n where n.requestId = ?1 order by n.id")
    List<Notification> findByRequestIdOrderByIdAsc(long requestId);

    /**
     * The row, read in the caller's transaction or, outside one, in autocommit: a declared query gets no
     * transaction of its own, where {@code findById} would add three statements (begin, commit, autocommit back).
     */
    @Query("select n from Notification n where n.id = ?1")
    Optional<Notification> findRow(long id);

    @Query("select count(n) > 0 from Notification n where n.dedupeKey = ?1")
    boolean existsByDedupeKey(String dedupeKey);

    Optional<Notification> findFirstByMessageIdIn(Collection<String> messageIds);

    @Query("""
            select n from Notification n
            where n.status = com.sladesk.notify.Notification.Status.PENDING and n.nextAttemptAt <= :now
            order by n.nextAttemptAt, n.id
            """)
    List<Notification> findDue(@Param("now") Instant now, Pageable page);
}
