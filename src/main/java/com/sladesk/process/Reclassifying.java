package com.sladesk.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.Category;
import com.sladesk.request.CustomerTier;
import com.sladesk.request.Priority;
import com.sladesk.request.Reclassification;
import com.sladesk.request.ReclassificationRepository;
import com.sladesk.request.RequestNotFoundException;
import com.sladesk.request.RequestStateException;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.RequestChanged;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.Reclassify;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;

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

    /** Variables a reclassification does not take from a decision output: the clocks keep their calendar. */
    private static final Set<String> FIXED = Set.of(Var.CALENDAR, Var.PRIORITY, Var.CATEGORY, Var.CUSTOMER_TIER,
            Var.TASK_PRIORITY, Var.REQUEST_KEY, Var.CHANNEL);

    public void reclassify(String key, Reclassify change, String user) {
        ServiceRequest request = requests.findByRequestKey(key).orElseThrow(() -> new RequestNotFoundException(key));
        if (request.getStatus() == RequestStatus.RESOLVED || request.getStatus() == RequestStatus.CLOSED
                || request.getStatus() == RequestStatus.CLOSED_NO_REPLY) {
            throw new RequestStateException(request, "keeps its classification; reopen it first");
        }
        Instant now = ServiceRequestProcess.now();
        Priority oldPriority = request.getPriority();
        String oldTeam = request.getTeam();
        recordChange(request, change, user, now);
        DmnDecisionRuleResult targets = decide(ServiceRequestProcess.DECISION_SLA_TARGETS, request);
        DmnDecisionRuleResult routing = decide(ServiceRequestProcess.DECISION_ROUTING, request);
        request.routedTo(routing.getEntry(Var.TEAM), routing.getEntry(Var.EXPERT_TEAM),
                routing.getEntry(Var.ESCALATION_GROUP));
        events.publishEvent(new RequestChanged(request.getId()));
        copyDecisions(request, targets, routing);
        retargetClocks(request, targets, oldPriority == null ? request.getPriority() : oldPriority, now);
        if (!request.getTeam().equals(oldTeam)) {
            moveTasks(request.getProcessInstanceId(), oldTeam, request.getTeam());
        }
    }

    private void recordChange(ServiceRequest request, Reclassify change, String user, Instant now) {
        Priority oldPriority = request.getPriority();
        Category oldCategory = request.getCategory();
        CustomerTier oldTier = request.getCustomerTier();
        request.reclassify(change.priority(), change.category(), change.customerTier());
        reclassifications.save(new Reclassification(request, oldPriority, oldCategory, oldTier, user,
                change.reason(), now));
    }

    /** The new classification and every output of both decisions, as the model's business-rule tasks set them. */
    private void copyDecisions(ServiceRequest request, DmnDecisionRuleResult targets, DmnDecisionRuleResult routing) {
        Map<String, Object> outputs = new HashMap<>();
        for (String name : new String[] {Var.FIRST_RESPONSE_TARGET, Var.RESOLUTION_TARGET, Var.EXPERT_RESPONSE_TARGET,
                Var.WARNING_PERCENT}) {
            outputs.put(name, targets.getEntry(name));
        }
        for (String name : new String[] {Var.TEAM, Var.EXPERT_TEAM, Var.ESCALATION_GROUP}) {
            outputs.put(name, routing.getEntry(name));
        }
        // an output a designer adds reaches the variables too, if it is a plain value and names nothing else
        for (DmnDecisionRuleResult decided : List.of(targets, routing)) {
            decided.getEntryMap().forEach((name, value) -> {
                if (!outputs.containsKey(name) && !FIXED.contains(name) && (value instanceof String
                        || value instanceof Number || value instanceof Boolean)) {
                    outputs.put(name, value);
                }
            });
        }
        RequestVariables.reclassified(runtimeService, request.getProcessInstanceId(), request.getPriority(),
                request.getCategory().name(), request.getCustomerTier().name(), outputs);
    }

    /** Running clocks get the new targets; their timers and tasks move with them. */
    private void retargetClocks(ServiceRequest request, DmnDecisionRuleResult targets, Priority oldPriority,
            Instant now) {
        String instance = request.getProcessInstanceId();
        int warningPercent = ((Number) targets.get(Var.WARNING_PERCENT)).intValue();
        for (SlaClock clock : clocks.clocksOfRequest(request.getId())) {
            if (clock.isStopped()) {
                continue;
            }
            MetricVariables metric = MetricVariables.of(clock.getMetric());
            SlaClock moved = clocks.retarget(request.getId(), clock.getMetric(),
                    metric.target(targets.getEntry(metric.target)), warningPercent, now);
            RequestVariables.publish(runtimeService, instance, clock.getMetric(), moved);
            moveTimer(instance, metric.warningTimer, moved.getWarnAt());
            moveTimer(instance, metric.breachTimer, moved.getDueAt());
            for (Task task : openTasks(instance, metric.task)) {
                task.setDueDate(Date.from(moved.getDueAt()));
                task.setFollowUpDate(Date.from(moved.getWarnAt()));
                task.setPriority(task.getPriority() + request.getPriority().taskPriority()
                        - oldPriority.taskPriority());
                taskService.saveTask(task);
            }
        }
    }

    /** The open respond and resolve tasks go from the old team to the new one, with the old team's access. */
    private void moveTasks(String instance, String oldTeam, String newTeam) {
        for (String taskKey : new String[] {ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER,
                ServiceRequestProcess.TASK_RESOLVE_REQUEST}) {
            for (Task task : openTasks(instance, taskKey)) {
                taskService.deleteCandidateGroup(task.getId(), oldTeam);
                // the engine granted the old team access to the task; that grant must go with it
                authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                        .groupIdIn(oldTeam).list()
                        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                taskService.addCandidateGroup(task.getId(), newTeam);
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
