package com.sladesk.process;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.notify.Recipient;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/**
 * Implements "Warn the team" and "Warn the experts" (Task_Warn{FirstResponse,ExpertResponse,Resolution}): event,
 * priority, notification.
 */
@Component
public class WarnTeamDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final OpenTasks openTasks;
    private final Outbox outbox;
    private final SlaProperties properties;
    private final ServiceRequestRepository requests;

    public WarnTeamDelegate(SlaClocks clocks, OpenTasks openTasks, Outbox outbox, SlaProperties properties,
            ServiceRequestRepository requests) {
        this.clocks = clocks;
        this.requests = requests;
        this.openTasks = openTasks;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ServiceRequestProcess.requestId(execution);
        SlaMetric metric = RequestVariables.of(execution).metric();
        Instant now = ServiceRequestProcess.now();
        if (!clocks.warn(requestId, metric, now)) {
            return;
        }
        // the acknowledgement is the outbox's work, not the agents': their tasks stay as they are
        List<Task> tasks = metric == SlaMetric.ACKNOWLEDGEMENT ? List.of() : openTasks.of(execution);
        openTasks.raisePriority(execution, tasks, properties.warningPriorityRaise());
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        String key = request.getRequestKey();
        Recipient recipient = tasks.stream().map(Task::getAssignee).filter(Objects::nonNull).findFirst()
                .map(Recipient::user)
                .orElse(Recipient.group(request.getTeam()));
        Instant due = clocks.clock(requestId, metric).getDueAt();
        outbox.toStaff(requestId, Notification.Kind.WARNING, recipient,
                "[%s] %s target at risk, due %s".formatted(key, metric, due),
                "Request %s: \"%s\" must meet its %s target by %s.".formatted(key,
                        request.getSubject(), metric, due),
                key + "/WARNING/" + metric, now);
    }
}
