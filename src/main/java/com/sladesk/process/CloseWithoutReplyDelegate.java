package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;

/** Implements "Close without reply" (Task_CloseWithoutReply): clocks stopped, status CLOSED_NO_REPLY. */
@Component
public class CloseWithoutReplyDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;

    public CloseWithoutReplyDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        clocks.stopAll(request.getId(), now);
        statuses.move(request, RequestStatus.CLOSED_NO_REPLY, now, null);
    }
}
