package com.sladesk.notify;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findByRequestIdOrderByIdAsc(long requestId);

    boolean existsByDedupeKey(String dedupeKey);
}
