package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Implements "Stop the clocks left running" (Task_StopClocksLeftRunning), when the reopen window ends and the
 * request's process with it. A FOLLOW_UP clock still running means nobody closed the loop with the customer,
 * which is a breach even before its target; an ACKNOWLEDGEMENT clock still running was never delivered (its
 * breach timer recorded why long before) and stops as it stands.
 */
@Component
public class StopClocksLeftRunningDelegate implements JavaDelegate {

    static final String LEFT_OPEN = "the reopen window ended with no confirmation, survey answer or follow-up "
            + "contact";

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final AcknowledgementDelivery acknowledgements;

    public StopClocksLeftRunningDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            AcknowledgementDelivery acknowledgements) {
        this.clocks = clocks;
        this.requests = requests;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        if (clocks.isCounting(request.getId(), SlaMetric.FOLLOW_UP)) {
            boolean breachedNow = clocks.breach(request.getId(), SlaMetric.FOLLOW_UP, now, LEFT_OPEN);
            // a clock that breached on its timer long before says it here, once
            clocks.stop(request.getId(), SlaMetric.FOLLOW_UP, now, breachedNow ? null : LEFT_OPEN);
        }
        if (clocks.isCounting(request.getId(), SlaMetric.ACKNOWLEDGEMENT)) {
            // delivered meanwhile: stopped at its instant; else breached with the reason, then stopped now
            String reason = acknowledgements.breachReason(request.getId());
            if (reason != null) {
                clocks.breach(request.getId(), SlaMetric.ACKNOWLEDGEMENT, now, reason);
                clocks.stop(request.getId(), SlaMetric.ACKNOWLEDGEMENT, now);
            }
        }
    }
}
