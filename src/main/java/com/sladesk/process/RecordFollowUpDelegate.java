package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Implements "Record the follow-up" (Task_RecordFollowUp): an agent completed "Follow up with the customer",
 * recording a contact; the loop is closed by that agent, and what the customer said is kept as an internal note
 * (never suggested to another customer).
 */
@Component
public class RecordFollowUpDelegate implements JavaDelegate {

    private final FollowUps followUps;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;

    RecordFollowUpDelegate(FollowUps followUps, ServiceRequestRepository requests, RequestMessageRepository messages) {
        this.followUps = followUps;
        this.requests = requests;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        String user = authentication == null ? null : authentication.getUserId();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        String note = RequestVariables.of(execution).followUpNote();
        if (note != null && !note.isBlank()) {
            messages.save(new RequestMessage(request.getId(), RequestMessage.Author.AGENT, user, true,
                    "Follow-up contact: " + note.strip(), null, now));
        }
        followUps.closeLoop(request, null, "follow-up contact recorded" + (user == null ? "" : " by " + user), now);
    }
}
