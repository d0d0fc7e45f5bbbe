package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

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
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        SlaClock clock = clocks.resume(request.getId(), SlaMetric.RESOLUTION, now);
        RequestVariables.of(execution).publish(SlaMetric.RESOLUTION, clock);
        statuses.move(request, RequestStatus.IN_PROGRESS, now, request.getAgent());
        RequestVariables variables = RequestVariables.of(execution);
        variables.outcomeUsed();
        messages.latestCustomersWords(request.getId()).ifPresent(reply -> variables.customerReply(reply.getBody()));
    }
}
