package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Completion listener of "Respond to customer", "Resolve request" and "Diagnose as expert": remembers on the
 * request who did the task (the assignee, else the user who completed it), so the agent who answered, or who
 * asked the customer, gets the resolution task back. The variable is a copy for forms; the row counts.
 */
@Component
public class RememberAssigneeListener implements TaskListener {

    private final ServiceRequestRepository requests;

    public RememberAssigneeListener(ServiceRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            Authentication authentication = task.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            user = authentication == null ? null : authentication.getUserId();
        }
        ServiceRequest request = ServiceRequestProcess.request(requests, task.getExecution());
        if (ServiceRequestProcess.TASK_EXPERT_DIAGNOSIS.equals(task.getTaskDefinitionKey())) {
            request.diagnosedBy(user);
            RequestVariables.of(task.getExecution()).diagnosedBy(user);
        } else {
            request.workedBy(user);
            RequestVariables.of(task.getExecution()).responder(user);
        }
    }
}
