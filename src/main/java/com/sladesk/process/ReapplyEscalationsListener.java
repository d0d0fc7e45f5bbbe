package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaEvent;
import com.sladesk.sla.SlaEventRepository;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/**
 * Create listener of "Resolve request" and "Diagnose as expert" (Task_ResolveRequest, Task_ExpertDiagnosis):
 * a task created again (back from the experts, after the customer's reply, after a reopen) keeps what the
 * warnings and escalations of the still running clocks gave the one before: their groups and priority.
 */
@Component
public class ReapplyEscalationsListener implements TaskListener {

    private final SlaClocks clocks;
    private final SlaEventRepository events;
    private final SlaProperties properties;

    public ReapplyEscalationsListener(SlaClocks clocks, SlaEventRepository events, SlaProperties properties) {
        this.clocks = clocks;
        this.events = events;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateTask task) {
        long requestId = ServiceRequestProcess.requestId(task.getExecution());
        int raise = 0;
        for (SlaClock clock : clocks.clocksOfRequest(requestId)) {
            if (clock.isStopped() || clock.getMetric() == SlaMetric.ACKNOWLEDGEMENT) {
                // (the acknowledgement's warnings and escalations never touch the agents' tasks)
                continue;
            }
            for (SlaEvent event : events.findByRequestIdAndMetricOrderByIdAsc(requestId, clock.getMetric())) {
                if (event.getType() == SlaEvent.Type.ESCALATED) {
                    task.addCandidateGroup(event.getGroupId());
                    raise += properties.escalationPriorityRaise();
                } else if (event.getType() == SlaEvent.Type.WARNING) {
                    raise += properties.warningPriorityRaise();
                }
            }
        }
        task.setPriority(task.getPriority() + raise);
    }
}
