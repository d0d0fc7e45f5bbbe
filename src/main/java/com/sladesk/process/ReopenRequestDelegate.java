package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Implements "Reopen the request" (Task_ReopenRequest): back to resolution; the RESOLUTION clock runs again
 * without counting the time the request stood resolved, and a breach before stays on record. The customer came
 * back, so a running FOLLOW_UP clock stops.
 */
@Component
public class ReopenRequestDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final FollowUps followUps;

    public ReopenRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses,
            FollowUps followUps) {
        this.followUps = followUps;
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        SlaClock clock = clocks.restart(request.getId(), SlaMetric.RESOLUTION, now);
        RequestVariables.of(execution).publish(SlaMetric.RESOLUTION, clock);
        // the customer came back: the loop is closed, and the next resolution runs the clock again
        followUps.closeLoop(request, RequestVariables.of(execution), "customer reopened the request", now);
        statuses.reopen(request, now);
        RequestVariables.of(execution).outcomeUsed();
    }
}
