package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Implements "Hand over to experts" (Task_HandOverToExperts): the agent's notes as an internal note, and the
 * EXPERT_RESPONSE clock, which measures the first hand-over of a request until an expert claims it.
 */
@Component
public class HandOverToExpertsDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestStatuses statuses;

    public HandOverToExpertsDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestMessageRepository messages, RequestStatuses statuses) {
        this.clocks = clocks;
        this.requests = requests;
        this.messages = messages;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        String notes = RequestVariables.of(execution).resolution();
        messages.save(new RequestMessage(request.getId(), RequestMessage.Author.AGENT, request.getAgent(), true, notes,
                null, now));
        // internal: the experts read the notes, and they never come back as the text sent to the customer
        RequestVariables.of(execution).handOver(notes);
        statuses.move(request, RequestStatus.WITH_EXPERTS, now, null);
        if (clocks.hasClock(request.getId(), SlaMetric.EXPERT_RESPONSE)) {
            // a later hand-over is not measured; its task is due when the resolution is
            clocks.stop(request.getId(), SlaMetric.EXPERT_RESPONSE, now);
            RequestVariables.of(execution).publish(SlaMetric.EXPERT_RESPONSE,
                    clocks.clock(request.getId(), SlaMetric.RESOLUTION));
            return;
        }
        SlaClock clock = clocks.start(request.getId(), SlaMetric.EXPERT_RESPONSE,
                RequestVariables.of(execution).target(SlaMetric.EXPERT_RESPONSE),
                RequestVariables.of(execution).warningPercent(), request.getCalendarId(), now);
        RequestVariables.of(execution).publish(SlaMetric.EXPERT_RESPONSE, clock);
    }
}
