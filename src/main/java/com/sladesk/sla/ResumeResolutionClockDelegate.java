package com.sladesk.sla;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Implements "Resume the clock" (Task_ResumeResolutionClock): the customer answered; the RESOLUTION clock
 * counts again with its instants moved out by the business time paused, and the agent who asked gets the
 * task back when the stage is entered again.
 */
@Component
public class ResumeResolutionClockDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final RequestMessageRepository messages;

    public ResumeResolutionClockDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestStatuses statuses, RequestMessageRepository messages) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = requests.of(execution);
        SlaClock clock = clocks.resume(request.getId(), SlaMetric.RESOLUTION, now);
        MetricVariables.RESOLUTION.publish(execution, clock);
        statuses.move(request, RequestStatus.IN_PROGRESS, now, request.getAgent());
        execution.removeVariable(Var.OUTCOME);
        messages.latestCustomersWords(request.getId()).ifPresent(reply -> execution.setVariable(Var.CUSTOMER_REPLY,
                        reply.getBody()));
    }
}
