package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import com.sladesk.request.Category;
import com.sladesk.request.CustomerTier;
import com.sladesk.request.Priority;
import com.sladesk.request.Reclassification;
import com.sladesk.request.ReclassificationRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.RequestChanged;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Reclassifying a request: SlaTargets and Routing decide again; every clock still counting keeps its elapsed
 * business time under the new target, and its timers, task dates and candidate team move with it.
 */
@Service
@Transactional
public class Reclassifying {

    private final ServiceRequestRepository requests;
    private final ReclassificationRepository reclassifications;
    private final SlaClocks clocks;
    private final DecisionService decisions;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final AuthorizationService authorizations;
    private final ApplicationEventPublisher events;

    public Reclassifying(ServiceRequestRepository requests, ReclassificationRepository reclassifications,
            SlaClocks clocks, DecisionService decisions, RuntimeService runtimeService,
            ManagementService managementService, TaskService taskService, AuthorizationService authorizations,
            ApplicationEventPublisher events) {
        this.requests = requests;
        this.reclassifications = reclassifications;
        this.clocks = clocks;
        this.decisions = decisions;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.authorizations = authorizations;
        this.events = events;
    }

    public void reclassify(String key, Reclassify change, String user) {
        ServiceRequest request = requests.findByRequestKey(key).orElseThrow(() -> new ErrorResponseException(
                HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request " + key),
                null));
        if (request.getStatus() == RequestStatus.RESOLVED || request.getStatus() == RequestStatus.CLOSED
                || request.getStatus() == RequestStatus.CLOSED_NO_REPLY) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "Request " + key + " is " + request.getStatus()
                            + " and keeps its classification; reopen it first"), null);
        }
        Instant now = ServiceRequestProcess.now();
        Priority oldPriority = request.getPriority();
        Category oldCategory = request.getCategory();
        CustomerTier oldTier = request.getCustomerTier();
        String oldTeam = request.getTeam();
        request.reclassify(change.priority(), change.category(), change.customerTier());
        reclassifications.save(new Reclassification(request, oldPriority, oldCategory, oldTier, user,
                change.reason(), now));

        DmnDecisionRuleResult targets = decide(ServiceRequestProcess.DECISION_SLA_TARGETS, request);
        DmnDecisionRuleResult routing = decide(ServiceRequestProcess.DECISION_ROUTING, request);
        request.routedTo(routing.getEntry(Var.TEAM), routing.getEntry(Var.EXPERT_TEAM),
                routing.getEntry(Var.ESCALATION_GROUP));
        events.publishEvent(new RequestChanged(request.getId()));

        String instance = request.getProcessInstanceId();
        VariableMap variables = Variables.createVariables()
                .putValue(Var.PRIORITY, request.getPriority().name())
                .putValue(Var.CATEGORY, request.getCategory().name())
                .putValue(Var.CUSTOMER_TIER, request.getCustomerTier().name())
                .putValue(Var.TASK_PRIORITY, request.getPriority().taskPriority());
        for (String name : new String[] {Var.FIRST_RESPONSE_TARGET, Var.RESOLUTION_TARGET, Var.EXPERT_RESPONSE_TARGET,
                Var.WARNING_PERCENT, Var.TEAM, Var.EXPERT_TEAM, Var.ESCALATION_GROUP}) {
            variables.putValue(name, name.equals(Var.TEAM) || name.equals(Var.EXPERT_TEAM)
                    || name.equals(Var.ESCALATION_GROUP) ? routing.get(name) : targets.get(name));
        }
        runtimeService.setVariables(instance, variables);

        int warningPercent = ((Number) targets.get(Var.WARNING_PERCENT)).intValue();
        for (SlaClock clock : clocks.clocksOfRequest(request.getId())) {
            if (clock.isStopped()) {
                continue;
            }
            MetricVariables metric = MetricVariables.of(clock.getMetric());
            SlaClock moved = clocks.retarget(request.getId(), clock.getMetric(),
                    Duration.parse(targets.getEntry(metric.target)), warningPercent, now);
            runtimeService.setVariables(instance, Map.of(metric.warnAt, Date.from(moved.getWarnAt()),
                    metric.dueAt, Date.from(moved.getDueAt())));
            moveTimer(instance, metric.warningTimer, moved.getWarnAt());
            moveTimer(instance, metric.breachTimer, moved.getDueAt());
            for (Task task : openTasks(instance, metric.task)) {
                task.setDueDate(Date.from(moved.getDueAt()));
                task.setFollowUpDate(Date.from(moved.getWarnAt()));
                task.setPriority(task.getPriority() + request.getPriority().taskPriority()
                        - (oldPriority == null ? request.getPriority() : oldPriority).taskPriority());
                taskService.saveTask(task);
            }
        }
        if (!request.getTeam().equals(oldTeam)) {
            for (String taskKey : new String[] {ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER,
                    ServiceRequestProcess.TASK_RESOLVE_REQUEST}) {
                for (Task task : openTasks(instance, taskKey)) {
                    taskService.deleteCandidateGroup(task.getId(), oldTeam);
                    // the engine granted the old team access to the task; that grant must go with it
                    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                            .groupIdIn(oldTeam).list()
                            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                    taskService.addCandidateGroup(task.getId(), request.getTeam());
                }
            }
        }
    }

    private DmnDecisionRuleResult decide(String decision, ServiceRequest request) {
        return decisions.evaluateDecisionTableByKey(decision).variables(Variables.createVariables()
                .putValue(Var.CUSTOMER_TIER, request.getCustomerTier().name())
                .putValue(Var.PRIORITY, request.getPriority().name())
                .putValue(Var.CATEGORY, request.getCategory().name())
                .putValue(Var.CHANNEL, request.getChannel().name())
                .putValue(Var.PRODUCT, request.getProduct() == null ? "" : request.getProduct()))
                .evaluate().getSingleResult();
    }

    private void moveTimer(String instance, String timerId, Instant to) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance).activityId(timerId).list()) {
            managementService.setJobDuedate(job.getId(), Date.from(to));
        }
    }

    private List<Task> openTasks(String instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list();
    }
}
