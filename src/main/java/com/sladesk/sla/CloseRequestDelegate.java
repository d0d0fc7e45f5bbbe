package com.sladesk.sla;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Close request" (Task_CloseRequest): every clock stopped, status CLOSED. */
@Component
public class CloseRequestDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;

    public CloseRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests) {
        this.clocks = clocks;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        long requestId = ServiceRequestProcess.requestId(execution);
        clocks.stopAll(requestId, now);
        requests.findById(requestId).orElseThrow().moveTo(RequestStatus.CLOSED, now);
    }
}
