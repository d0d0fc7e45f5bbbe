package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestRepository;

/**
 * Implements "Record the follow-up" (Task_RecordFollowUp): an agent completed "Follow up with the customer",
 * recording a contact; the loop is closed by that agent.
 */
@Component
public class RecordFollowUpDelegate implements JavaDelegate {

    private final FollowUps followUps;
    private final ServiceRequestRepository requests;

    RecordFollowUpDelegate(FollowUps followUps, ServiceRequestRepository requests) {
        this.followUps = followUps;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        followUps.closeLoop(ServiceRequestProcess.request(requests, execution), null,
                "follow-up contact recorded" + (user == null ? "" : " by " + user.getUserId()),
                ServiceRequestProcess.now());
    }
}
