package com.sladesk.sla;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Record resolution" (Task_RecordResolution): the resolution, RESOLVED, clock stopped. */
@Component
public class RecordResolutionDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;

    public RecordResolutionDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestMessageRepository messages) {
        this.clocks = clocks;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ServiceRequest request = requests.findById(ServiceRequestProcess.requestId(execution)).orElseThrow();
        messages.save(new RequestMessage(request.getId(), RequestMessage.Author.AGENT,
                ServiceRequestProcess.string(execution, Var.RESPONDER), false,
                ServiceRequestProcess.string(execution, Var.RESOLUTION), request.getChannel(), now));
        request.moveTo(RequestStatus.RESOLVED, now);
        clocks.stop(request.getId(), SlaMetric.RESOLUTION, now);
    }
}
