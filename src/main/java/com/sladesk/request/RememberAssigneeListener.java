package com.sladesk.request;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import com.sladesk.request.ServiceRequestProcess.Var;

/**
 * Completion listener of "Respond to customer", "Resolve request" and "Diagnose as expert": remembers who
 * did the task (the assignee, else the user who completed it), so the agent who answered, or who asked the
 * customer, gets the resolution task back.
 */
@Component
public class RememberAssigneeListener implements TaskListener {

    private static final Map<String, String> VARIABLE_BY_TASK = Map.of(
            ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER, Var.RESPONDER,
            ServiceRequestProcess.TASK_RESOLVE_REQUEST, Var.RESPONDER,
            ServiceRequestProcess.TASK_EXPERT_DIAGNOSIS, Var.DIAGNOSED_BY);

    @Override
    public void notify(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            Authentication authentication = task.getProcessEngineServices().getIdentityService()
                    .getCurrentAuthentication();
            user = authentication == null ? null : authentication.getUserId();
        }
        task.getExecution().setVariable(VARIABLE_BY_TASK.get(task.getTaskDefinitionKey()), user);
    }
}
