package com.sladesk.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
    static final String REMOVED = "removed";

    private final ServiceRequestRepository requests;
    private final RequestReader reader;
    private final NotificationRepository notifications;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CustomerAnswerRepository answers;

    RequestHistory(ServiceRequestRepository requests, RequestReader reader, NotificationRepository notifications,
            HistoryService history, RepositoryService repository, CustomerAnswerRepository answers) {
        this.answers = answers;
        this.requests = requests;
        this.reader = reader;
        this.notifications = notifications;
        this.history = history;
        this.repository = repository;
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
        Optional<HistoricProcessInstance> instance = requests.findByRequestKey(key).map(request -> history
                .createHistoricProcessInstanceQuery().processInstanceId(request.getProcessInstanceId()).singleResult());
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionId(instance.get().getProcessDefinitionId()).singleResult();
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.get().getId()).list();
        List<String> passed = activities.stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
        List<String> active = activities.stream().filter(a -> a.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityId).distinct().toList();
        if (definition == null) {
            // an administrator deleted the deployment: no picture, the path taken is still told
            return Optional.of(new Diagram(instance.get().getProcessDefinitionId(), null, null, passed, active));
        }
        String xml;
        try (InputStream model = repository.getProcessModel(definition.getId())) {
            xml = new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new Diagram(definition.getId(), definition.getVersion(), xml, passed, active));
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
        engineHistory(request.getProcessInstanceId(), entries);
        view.messages().forEach(m -> entries.add(entry(m.at(), "request", "MESSAGE",
                (m.internal() ? "Internal note by " : m.onBehalfOfCustomer() ? "The customer's words, recorded by "
                        : "Message from ") + m.author(), m.authorId(),
                "channel", m.channel(), "body", m.body())));
        view.events().forEach(e -> entries.add(entry(e.at(), "sla", e.type(), e.metric() + " " + e.type(), null,
                "metric", e.metric(), "level", e.level(), "group", e.group())));
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

    private void engineHistory(String processInstanceId, List<Entry> entries) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return;
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
        entries.add(entry(instant(instance.getStartTime()), "process", "PROCESS_STARTED",
                "Process " + instance.getProcessDefinitionKey() + (definition == null ? " (version removed)"
                        : " version " + definition.getVersion()), instance.getStartUserId(),
                "processDefinitionId", instance.getProcessDefinitionId(), "version",
                definition == null ? REMOVED : definition.getVersion()));
        if (instance.getEndTime() != null) {
            entries.add(entry(instant(instance.getEndTime()), "process", "PROCESS_ENDED", "Process ended", null,
                    "state", instance.getState()));
        }
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list()) {
            if (activity.getActivityType().endsWith("Gateway") || activity.getActivityName() == null) {
                continue;
            }
            entries.add(entry(instant(activity.getStartTime()), "process", "ACTIVITY_ENTERED",
                    activity.getActivityName(), null, "activityId", activity.getActivityId(),
                    "activityType", activity.getActivityType()));
            if (activity.getEndTime() != null && !activity.getActivityType().endsWith("Event")) {
                entries.add(entry(instant(activity.getEndTime()), "process", "ACTIVITY_LEFT",
                        activity.getActivityName(), null, "activityId", activity.getActivityId(),
                        "canceled", activity.isCanceled()));
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            entries.add(entry(instant(task.getStartTime()), "task", "TASK_CREATED", task.getName(), null,
                    "taskId", task.getId(), "due", task.getDueDate()));
            if (task.getEndTime() != null) {
                entries.add(entry(instant(task.getEndTime()), "task",
                        "completed".equals(task.getDeleteReason()) ? "TASK_COMPLETED" : "TASK_ENDED", task.getName(),
                        task.getAssignee(), "taskId", task.getId(), "reason", task.getDeleteReason()));
            }
        }
        for (UserOperationLogEntry operation : history.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).list()) {
            if (operation.getTaskId() != null && (UserOperationLogEntry.OPERATION_TYPE_CLAIM
                    .equals(operation.getOperationType()) || UserOperationLogEntry.OPERATION_TYPE_ASSIGN
                    .equals(operation.getOperationType()) || UserOperationLogEntry.OPERATION_TYPE_DELEGATE
                    .equals(operation.getOperationType()))) {
                entries.add(entry(instant(operation.getTimestamp()), "task",
                        "TASK_" + operation.getOperationType().toUpperCase(), operation.getOperationType() + " task",
                        operation.getUserId(), "taskId", operation.getTaskId(), "assignee", operation.getNewValue()));
            }
        }
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            // an administrator may have deleted the deployment of the version that decided
            DecisionDefinition decided = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionId(decision.getDecisionDefinitionId()).singleResult();
            String name = decision.getDecisionDefinitionName() == null ? decision.getDecisionDefinitionKey()
                    : decision.getDecisionDefinitionName();
            entries.add(entry(instant(decision.getEvaluationTime()), "decision", "DECISION_EVALUATED",
                    decided == null ? name + " (version removed)" : name, null,
                    "decision", decision.getDecisionDefinitionKey(), "version",
                    decided == null ? REMOVED : decided.getVersion(), "activityId", decision.getActivityId()));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(processInstanceId)
                .list()) {
            entries.add(entry(instant(incident.getCreateTime()), "process", "INCIDENT", incident.getIncidentMessage(),
                    null, "activityId", incident.getActivityId(), "type", incident.getIncidentType(),
                    "resolved", incident.isResolved()));
        }
    }

    private static Entry entry(Instant at, String source, String type, String title, String user,
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

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
