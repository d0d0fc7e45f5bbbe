package com.sladesk.process;

import static com.sladesk.report.RequestHistory.entry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import com.sladesk.report.ProcessHistory;
import com.sladesk.report.RequestHistory;
import com.sladesk.report.RequestHistory.Diagram;
import com.sladesk.report.RequestHistory.Entry;

/**
 * Camunda's history of a request's process instance: the diagram of its version with the path taken, and the
 * activities, tasks, claims, decision versions and incidents, also for a version whose deployment was deleted.
 */
@Component
class EngineHistory implements ProcessHistory {

    private final HistoryService history;
    private final RepositoryService repository;

    EngineHistory(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    @Override
    public Optional<Diagram> diagramOf(String processInstanceId) {
        Optional<HistoricProcessInstance> instance = Optional.ofNullable(history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult());
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

    @Override
    public List<Entry> entriesOf(String processInstanceId) {
        List<Entry> entries = new ArrayList<>();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return entries;
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery()
                .processDefinitionId(instance.getProcessDefinitionId()).singleResult();
        entries.add(entry(instant(instance.getStartTime()), "process", "PROCESS_STARTED",
                "Process " + instance.getProcessDefinitionKey() + (definition == null ? " (version removed)"
                        : " version " + definition.getVersion()), instance.getStartUserId(),
                "processDefinitionId", instance.getProcessDefinitionId(), "version",
                definition == null ? RequestHistory.REMOVED : definition.getVersion()));
        if (instance.getEndTime() != null) {
            entries.add(entry(instant(instance.getEndTime()), "process", "PROCESS_ENDED", "Process ended", null,
                    "state", instance.getState()));
        }
        activities(processInstanceId, entries);
        tasks(processInstanceId, entries);
        assignments(processInstanceId, entries);
        decisions(processInstanceId, entries);
        incidents(processInstanceId, entries);
        return entries;
    }

    /** Each activity entered and left (gateways and unnamed elements left out). */
    private void activities(String processInstanceId, List<Entry> entries) {
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
    }

    /** Each task created and ended. */
    private void tasks(String processInstanceId, List<Entry> entries) {
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
    }

    /** Who claimed, was assigned or delegated a task. */
    private void assignments(String processInstanceId, List<Entry> entries) {
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
    }

    /** Each decision evaluated, with its version (also one whose deployment was removed). */
    private void decisions(String processInstanceId, List<Entry> entries) {
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).includeOutputs().disableCustomObjectDeserialization()
                .orderByEvaluationTime().asc().list()) {
            // an administrator may have deleted the deployment of the version that decided
            DecisionDefinition decided = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionId(decision.getDecisionDefinitionId()).singleResult();
            String name = decision.getDecisionDefinitionName() == null ? decision.getDecisionDefinitionKey()
                    : decision.getDecisionDefinitionName();
            entries.add(entry(instant(decision.getEvaluationTime()), "decision", "DECISION_EVALUATED",
                    decided == null ? name + " (version removed)" : name, null,
                    "decision", decision.getDecisionDefinitionKey(), "version",
                    decided == null ? RequestHistory.REMOVED : decided.getVersion(), "activityId",
                    decision.getActivityId(), "outputs", outputs(decision)));
        }
    }

    /** What the decision answered (its first matching rule's outputs, by name). */
    private static Map<String, Object> outputs(HistoricDecisionInstance decision) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
            Object value = output.getValue();
            outputs.putIfAbsent(output.getVariableName(), value instanceof Number || value instanceof Boolean
                    || value == null ? value : value.toString());
        }
        return outputs;
    }

    /** Each incident. */
    private void incidents(String processInstanceId, List<Entry> entries) {
        for (HistoricIncident incident : history.createHistoricIncidentQuery().processInstanceId(processInstanceId)
                .list()) {
            entries.add(entry(instant(incident.getCreateTime()), "process", "INCIDENT", incident.getIncidentMessage(),
                    null, "activityId", incident.getActivityId(), "type", incident.getIncidentType(),
                    "resolved", incident.isResolved()));
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
