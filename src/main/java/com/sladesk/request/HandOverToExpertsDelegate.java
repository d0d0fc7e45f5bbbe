package com.sladesk.request;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestProcess.Var;

/** Implements "Hand over to experts" (Task_HandOverToExperts): the agent's notes as an internal note. */
@Component
public class HandOverToExpertsDelegate implements JavaDelegate {

    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;

    public HandOverToExpertsDelegate(ServiceRequestRepository requests, RequestMessageRepository messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ServiceRequest request = requests.findById(ServiceRequestProcess.requestId(execution)).orElseThrow();
        messages.save(new RequestMessage(request.getId(), RequestMessage.Author.AGENT,
                ServiceRequestProcess.string(execution, Var.RESPONDER), true,
                ServiceRequestProcess.string(execution, Var.RESOLUTION), null, now));
        request.moveTo(RequestStatus.WITH_EXPERTS, now);
    }
}
