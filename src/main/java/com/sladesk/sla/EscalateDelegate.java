package com.sladesk.sla;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;

/**
 * Implements "Escalate to team lead" (Task_EscalateFirstResponse, Task_EscalateResolution): the escalation
 * group decided by Routing becomes a candidate of the open task, which rises in priority.
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
        int level = ((Number) execution.getVariable(Var.LEVEL)).intValue();
        String group = ServiceRequestProcess.string(execution, Var.ESCALATION_GROUP);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!clocks.escalate(requestId, metric, level, group, now)) {
            return;
        }
        List<Task> tasks = openTasks.of(execution);
        openTasks.addCandidateGroup(execution, tasks, group);
        openTasks.raisePriority(execution, tasks, properties.escalationPriorityRaise());
        String key = ServiceRequestProcess.string(execution, Var.REQUEST_KEY);
        outbox.enqueue(requestId, Notification.Kind.ESCALATION, "group:" + group,
                "[%s] Escalated to you (level %d): %s target missed".formatted(key, level, metric),
                "Request %s: \"%s\" missed its %s target and is escalated to %s.".formatted(key,
                        ServiceRequestProcess.string(execution, Var.SUBJECT), metric, group),
                key + "/ESCALATION/" + metric + "/" + level, now);
    }
}
