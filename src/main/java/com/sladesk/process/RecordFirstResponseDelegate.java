package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.AgentReplies;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/** Implements "Record first response" (Task_RecordFirstResponse): the reply, IN_PROGRESS, clock stopped. */
@Component
public class RecordFirstResponseDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final AgentReplies replies;

    public RecordFirstResponseDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestStatuses statuses, AgentReplies replies) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        String responder = request.getAgent();
        replies.send(request, Notification.Kind.REPLY, request.getSubject(), RequestVariables.of(execution).reply(),
                null, now);
        statuses.respondedBy(request, responder, now);
        clocks.stop(request.getId(), SlaMetric.FIRST_RESPONSE, now);
    }
}
