package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Assignment listener of "Respond to customer": records when an agent claims the new request (or gives it
 * back to the queue), so the time in the queue and the agent's time are told apart.
 */
@Component
public class RecordClaimListener implements TaskListener {

    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;

    public RecordClaimListener(ServiceRequestRepository requests, RequestStatuses statuses) {
        this.requests = requests;
        this.statuses = statuses;
    }

    @Override
    public void notify(DelegateTask task) {
        statuses.claimed(ServiceRequestProcess.request(requests, task.getExecution()), task.getAssignee(),
                ServiceRequestProcess.now());
    }
}
