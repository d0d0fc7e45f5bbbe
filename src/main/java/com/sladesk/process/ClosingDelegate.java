package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;

/** A closing step of the process: every clock of the request stopped, the request in its closed status. */
abstract class ClosingDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final RequestStatus closedAs;

    ClosingDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses,
            RequestStatus closedAs) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.closedAs = closedAs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        clocks.stopAll(request.getId(), now);
        statuses.move(request, closedAs, now, null);
    }
}
