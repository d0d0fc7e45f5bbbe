package com.sladesk.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.notify.Recipient;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/**
 * Implements "Escalate to the next level" (Task_EscalateFirstResponse, Task_EscalateExpertResponse,
 * Task_EscalateResolution) after "Decide escalation", where the Escalation table named the group of the next
 * level and the business time until the level after it; the group becomes a candidate of the open task,
 * which rises in priority.
 * The next level's instant is kept on the clock, where the model's timer reads it, so that a stage entered
 * again (after a pause) waits for it instead of escalating at once.
 */
@Component
public class EscalateDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final OpenTasks openTasks;
    private final Outbox outbox;
    private final SlaProperties properties;
    private final ServiceRequestRepository requests;

    public EscalateDelegate(SlaClocks clocks, OpenTasks openTasks, Outbox outbox, SlaProperties properties,
            ServiceRequestRepository requests) {
        this.clocks = clocks;
        this.requests = requests;
        this.openTasks = openTasks;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        long requestId = request.getId();
        SlaMetric metric = RequestVariables.of(execution).metric();
        Instant now = ServiceRequestProcess.now();
        SlaClock clock = clocks.clock(requestId, metric);
        SlaClock.Escalation next = clock.nextEscalation(now);
        if (next.step() != SlaClock.Escalation.Step.ESCALATE) {
            nextLevelCopy(execution, metric, next.until());
            return;
        }
        int level = next.level();
        RequestVariables decided = RequestVariables.of(execution);
        String group = decided.notifyGroup();
        if (group == null && level == 1) {
            group = request.getEscalationGroup();
        }
        if (group == null) {
            clocks.escalationEnded(requestId, metric);
            nextLevelCopy(execution, metric, null);
            return;
        }
        String after = decided.nextLevelAfter();
        Instant nextLevelAt = after == null || after.isBlank() ? null
                : clocks.calendarOf(clock).plus(now, Duration.parse(after));
        if (clocks.escalate(requestId, metric, level, group, nextLevelAt, now)) {
            notifyGroup(execution, request, metric, level, group, now);
        }
        nextLevelCopy(execution, metric, nextLevelAt);
    }

    private static void nextLevelCopy(DelegateExecution execution, SlaMetric metric, Instant at) {
        RequestVariables.of(execution).nextLevelAt(metric, at);
    }

    private void notifyGroup(DelegateExecution execution, ServiceRequest request, SlaMetric metric, int level,
            String group, Instant now) {
        // the acknowledgement is the outbox's work, not the agents': their tasks stay as they are
        List<Task> tasks = metric == SlaMetric.ACKNOWLEDGEMENT ? List.of() : openTasks.of(execution);
        openTasks.addCandidateGroup(execution, tasks, group);
        openTasks.raisePriority(execution, tasks, properties.escalationPriorityRaise());
        String key = request.getRequestKey();
        outbox.toStaff(request.getId(), Notification.Kind.ESCALATION, Recipient.group(group),
                "[%s] Escalated to you (level %d): %s target missed".formatted(key, level, metric),
                "Request %s: \"%s\" missed its %s target and is escalated to %s (level %d).".formatted(key,
                        request.getSubject(), metric, group, level),
                key + "/ESCALATION/" + metric + "/" + level, now);
    }
}
