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

/** Implements "Close request" (Task_CloseRequest): every clock stopped, status CLOSED. */
@Component
public class CloseRequestDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;

    public CloseRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        long requestId = ServiceRequestProcess.requestId(execution);
        clocks.stopAll(requestId, now);
        ServiceRequest request = requests.findById(requestId).orElseThrow();
        // the survey invitation follows the status (survey package)
        statuses.move(request, RequestStatus.CLOSED, now, null);
    }
}
