package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestRepository;

/** Implements "Record the confirmation" (Task_RecordConfirmation): the customer confirmed, the loop is closed. */
@Component
public class RecordConfirmationDelegate implements JavaDelegate {

    private final FollowUps followUps;
    private final ServiceRequestRepository requests;

    RecordConfirmationDelegate(FollowUps followUps, ServiceRequestRepository requests) {
        this.followUps = followUps;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        followUps.closeLoop(ServiceRequestProcess.request(requests, execution), RequestVariables.of(execution),
                "customer confirmed", ServiceRequestProcess.now());
    }
}
