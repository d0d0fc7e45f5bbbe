package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.AgentReplies;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/**
 * Implements "Record resolution" (Task_RecordResolution): the resolution, RESOLVED, the RESOLUTION clock stopped
 * and the FOLLOW_UP clock started (run again after a reopening), and the instants until which the customer may
 * confirm (else auto-close) and reopen.
 */
@Component
public class RecordResolutionDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final AgentReplies replies;
    private final SlaProperties properties;

    public RecordResolutionDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestStatuses statuses, AgentReplies replies, SlaProperties properties) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.replies = replies;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        replies.send(request, Notification.Kind.RESOLUTION, "Your request is resolved",
                RequestVariables.of(execution).resolution(),
                "\n\nIf this does not solve your problem, just reply and we will reopen it.", now);
        statuses.move(request, RequestStatus.RESOLVED, now, request.getAgent());
        clocks.stop(request.getId(), SlaMetric.RESOLUTION, now);
        // closing the loop with the customer is on the clock from now, on a model that has the follow-up stage (a
        // request started on an earlier version finishes without it). After a reopening the clock runs on with the
        // time it has left; one that breached before stays as it stood (its breach and escalations are on record),
        // and the follow-up stage, finding it stopped, ends at once
        RequestVariables variables = RequestVariables.of(execution);
        boolean followUpStage = ServiceRequestProcess.hasStage(execution, ServiceRequestProcess.STAGE_FOLLOW_UP);
        if (followUpStage && clocks.hasClock(request.getId(), SlaMetric.FOLLOW_UP)) {
            if (!clocks.clock(request.getId(), SlaMetric.FOLLOW_UP).isEverBreached()) {
                clocks.restart(request.getId(), SlaMetric.FOLLOW_UP, now);
            }
        } else if (followUpStage) {
            clocks.start(request.getId(), SlaMetric.FOLLOW_UP, variables.target(SlaMetric.FOLLOW_UP),
                    variables.warningPercent(), variables.calendar(), now);
        }
        RequestVariables.of(execution).resolvedUntil(now.plus(properties.autoCloseAfter()),
                now.plus(properties.reopenWindow()));
    }
}
