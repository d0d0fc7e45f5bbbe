package com.sladesk.process;

import java.time.Instant;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * A closing step of the process: the request in its closed status, its clocks stopped but those that keep
 * running after it (stopped by what they wait for, or when the process ends).
 */
abstract class ClosingDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final RequestStatus closedAs;
    private final Set<SlaMetric> keepRunning;

    ClosingDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses,
            RequestStatus closedAs, Set<SlaMetric> keepRunning) {
        this.keepRunning = keepRunning;
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.closedAs = closedAs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        clocks.stopAllBut(request.getId(), keepRunning, now);
        statuses.move(request, closedAs, now, null);
    }
}
