package com.sladesk.notify;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.sladesk.request.RequestNotFoundException;
import com.sladesk.request.ServiceRequestRepository;

/** The outbox rows of one request: what was sent to whom, and what is still pending or failed, and why. */
@RestController
class NotificationController {

    private final ServiceRequestRepository requests;
    private final NotificationRepository notifications;

    NotificationController(ServiceRequestRepository requests, NotificationRepository notifications) {
        this.requests = requests;
        this.notifications = notifications;
    }

    record NotificationView(long id, Notification.Kind kind, String recipient, String subject,
            Notification.Status status, int attempts, String lastError, String messageId, Instant createdAt,
            Instant nextAttemptAt, Instant sentAt) {

        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getKind(), n.getRecipient(), n.getSubject(), n.getStatus(),
                    n.getAttempts(), n.getLastError(), n.getMessageId(), n.getCreatedAt(), n.getNextAttemptAt(),
                    n.getSentAt());
        }
    }

    @GetMapping("/api/requests/{key}/notifications")
    List<NotificationView> of(@PathVariable String key) {
        long id = requests.findByRequestKey(key).orElseThrow(() -> new RequestNotFoundException(key)).getId();
        return notifications.findByRequestIdOrderByIdAsc(id).stream().map(NotificationView::of).toList();
    }
}
