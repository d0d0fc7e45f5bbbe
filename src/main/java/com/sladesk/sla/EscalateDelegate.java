package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;

/**
 * Implements "Escalate to the next level" (Task_EscalateFirstResponse, Task_EscalateExpertResponse,
 * Task_EscalateResolution). The Escalation decision names the group of the next level and the business
 * time until the level after it; the group becomes a candidate of the open task, which rises in priority.
 * The next level's instant is kept on the clock, so that a stage entered again (after a pause) waits for
 * it instead of escalating at once.
 */
@Component
public class EscalateDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final OpenTasks openTasks;
    private final Outbox outbox;
    private final SlaProperties properties;

    public EscalateDelegate(SlaClocks clocks, OpenTasks openTasks, Outbox outbox, SlaProperties properties) {
        this.clocks = clocks;
        this.openTasks = openTasks;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ServiceRequestProcess.requestId(execution);
        SlaMetric metric = SlaMetric.valueOf(ServiceRequestProcess.string(execution, Var.METRIC));
        String nextLevelVariable = MetricVariables.of(metric).nextLevelAt;
        Instant now = ServiceRequestProcess.now();
        SlaClock clock = clocks.clock(requestId, metric);
        if (clock.isStopped() || clock.isPaused()) {
            execution.setVariable(nextLevelVariable, null);
            return;
        }
        if (clock.getNextEscalationAt() != null && now.isBefore(clock.getNextEscalationAt())) {
            execution.setVariable(nextLevelVariable, Date.from(clock.getNextEscalationAt()));
            return;
        }
        int level = clock.getEscalationLevel() + 1;
        DmnDecisionRuleResult decided = decideLevel(execution, metric, level);
        String group = decided == null ? null : (String) decided.get(Var.NOTIFY_GROUP);
        if (group == null && level == 1) {
            group = ServiceRequestProcess.string(execution, Var.ESCALATION_GROUP);
        }
        if (group == null) {
            clock.escalated(clock.getEscalationLevel(), null);
            execution.setVariable(nextLevelVariable, null);
            return;
        }
        String after = decided == null ? null : (String) decided.get(Var.NEXT_LEVEL_AFTER);
        Instant nextLevelAt = after == null || after.isBlank() ? null
                : clocks.calendarOf(clock).plus(now, Duration.parse(after));
        if (clocks.escalate(requestId, metric, level, group, nextLevelAt, now)) {
            notifyGroup(execution, requestId, metric, level, group, now);
        }
        execution.setVariable(nextLevelVariable, nextLevelAt == null ? null : Date.from(nextLevelAt));
    }

    private static DmnDecisionRuleResult decideLevel(DelegateExecution execution, SlaMetric metric, int level) {
        return execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionTableByKey(ServiceRequestProcess.DECISION_ESCALATION)
                .variables(Variables.createVariables()
                        .putValue(Var.METRIC, metric.name())
                        .putValue(Var.LEVEL, level)
                        .putValue(Var.CUSTOMER_TIER, execution.getVariable(Var.CUSTOMER_TIER))
                        .putValue(Var.PRIORITY, execution.getVariable(Var.PRIORITY)))
                .evaluate().getFirstResult();
    }

    private void notifyGroup(DelegateExecution execution, long requestId, SlaMetric metric, int level, String group,
            Instant now) {
        List<Task> tasks = openTasks.of(execution);
        openTasks.addCandidateGroup(execution, tasks, group);
        openTasks.raisePriority(execution, tasks, properties.escalationPriorityRaise());
        String key = ServiceRequestProcess.string(execution, Var.REQUEST_KEY);
        outbox.toStaff(requestId, Notification.Kind.ESCALATION, "group:" + group,
                "[%s] Escalated to you (level %d): %s target missed".formatted(key, level, metric),
                "Request %s: \"%s\" missed its %s target and is escalated to %s (level %d).".formatted(key,
                        ServiceRequestProcess.string(execution, Var.SUBJECT), metric, group, level),
                key + "/ESCALATION/" + metric + "/" + level, now);
    }
}
