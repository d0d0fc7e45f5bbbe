package com.sladesk.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sladesk.notify.Notification;
import com.sladesk.notify.NotificationRepository;
import com.sladesk.request.CustomerAnswerRepository;
import com.sladesk.request.RequestReader;
import com.sladesk.request.RequestView;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/**
 * One request's timeline: Camunda's history of its process instance (activities, tasks and who claimed,
 * reassigned and completed them, the process and decision versions used, incidents) merged with our records
 * (messages, SLA events, reclassifications, notifications sent), ordered by time.
 */
@Service
public class RequestHistory {

    /** The version of a definition whose deployment was deleted. */
    public static final String REMOVED = "removed";

    private final ServiceRequestRepository requests;
    private final RequestReader reader;
    private final NotificationRepository notifications;
    private final ProcessHistory process;
    private final CustomerAnswerRepository answers;

    RequestHistory(ServiceRequestRepository requests, RequestReader reader, NotificationRepository notifications,
            ProcessHistory process, CustomerAnswerRepository answers) {
        this.answers = answers;
        this.requests = requests;
        this.reader = reader;
        this.notifications = notifications;
        this.process = process;
    }

    /** One line of the timeline: what happened, who did it, and its particulars. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(Instant at, String source, String type, String title, String user,
            Map<String, Object> details) {
    }

    /** The BPMN of the process version a request ran on, the elements it passed and those it waits in. */
    public record Diagram(String processDefinitionId, Integer version, String xml, List<String> passed,
            List<String> active) {
    }

    public Optional<Diagram> diagramOf(String key) {
        return requests.findByRequestKey(key).flatMap(request -> process.diagramOf(request.getProcessInstanceId()));
    }

    public Optional<List<Entry>> of(String key) {
        Optional<ServiceRequest> found = requests.findByRequestKey(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ServiceRequest request = found.get();
        RequestView view = reader.detail(request.getId());
        List<Entry> entries = new ArrayList<>();
        entries.add(entry(request.getReceivedAt(), "request", "RECEIVED", "Received on " + request.getChannel(), null,
                "channel", request.getChannel(), "customer", view.customer().id()));
        entries.addAll(process.entriesOf(request.getProcessInstanceId()));
        view.messages().forEach(m -> entries.add(entry(m.at(), "request", "MESSAGE",
                (m.internal() ? "Internal note by " : m.onBehalfOfCustomer() ? "The customer's words, recorded by "
                        : "Message from ") + m.author(), m.authorId(),
                "author", m.author(), "channel", m.channel(), "body", m.body())));
        view.events().forEach(e -> entries.add(entry(e.at(), "sla", e.type(), e.metric() + " " + e.type(), null,
                "metric", e.metric(), "level", e.level(), "group", e.group(), "reason", e.reason())));
        view.reclassifications().forEach(r -> entries.add(entry(r.at(), "request", "RECLASSIFIED",
                "Reclassified", r.by(), "reason", r.reason(), "priority", change(r.oldPriority(), r.newPriority()),
                "category", change(r.oldCategory(), r.newCategory()), "tier", change(r.oldTier(), r.newTier()))));
        answers.findByRequestIdOrderByIdAsc(request.getId()).forEach(a -> entries.add(entry(a.getRecordedAt(),
                "request", "CUSTOMER_" + a.getAnswer(), "Customer's answer: " + a.getAnswer(), a.getRecordedBy())));
        for (Notification n : notifications.findByRequestIdOrderByIdAsc(request.getId())) {
            if (n.getStatus() == Notification.Status.SENT) {
                entries.add(entry(n.getSentAt(), "notification", "SENT_" + n.getKind(), n.getSubject(), null,
                        "recipient", n.getRecipient(), "attempts", n.getAttempts()));
            }
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return Optional.of(entries);
    }

    /** An entry whose details are the non-null values of {@code namesAndValues} (name, value, name, …). */
    public static Entry entry(Instant at, String source, String type, String title, String user,
            Object... namesAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                details.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new Entry(at, source, type, title, user, details);
    }

    private static Map<String, Object> change(Object from, Object to) {
        if (from == null && to == null || from != null && from.equals(to)) {
            return null;
        }
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
