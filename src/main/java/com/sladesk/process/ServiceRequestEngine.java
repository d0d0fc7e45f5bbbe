package com.sladesk.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.sladesk.request.DeskClock;
import com.sladesk.request.RequestProcess;
import com.sladesk.request.ServiceRequest;
import com.sladesk.suggest.Suggestions;

/**
 * The request's process on Camunda: intake starts an instance with the request's facts as variables, and a
 * customer's reply, confirmation or reopening becomes the message the instance waits for. Also makes the
 * engine's clock the desk's clock.
 */
@Component
class ServiceRequestEngine implements RequestProcess {

    private static final Map<CustomerMove, String> MESSAGES = Map.of(
            CustomerMove.REPLIED, ServiceRequestProcess.MESSAGE_CUSTOMER_REPLIED,
            CustomerMove.CONFIRMED, ServiceRequestProcess.MESSAGE_CUSTOMER_CONFIRMED,
            CustomerMove.REOPENED, ServiceRequestProcess.MESSAGE_CUSTOMER_REOPENED);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Suggestions suggestions;
    private final FollowUps followUps;

    ServiceRequestEngine(RuntimeService runtimeService, TaskService taskService, Suggestions suggestions,
            FollowUps followUps) {
        this.followUps = followUps;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.suggestions = suggestions;
        DeskClock.use(ServiceRequestProcess::now);
    }

    @Override
    public String start(ServiceRequest request) {
        Map<String, Object> variables = new HashMap<>(RequestVariables.atStart(request));
        // what like requests were resolved with, for the Respond to customer form
        variables.put(ServiceRequestProcess.Var.SUGGESTIONS, suggestions.forTheForm(request));
        return runtimeService.startProcessInstanceByKey(ServiceRequestProcess.PROCESS_KEY, request.getRequestKey(),
                variables).getId();
    }

    @Override
    public boolean deliver(ServiceRequest request, CustomerMove move) {
        try {
            runtimeService.createMessageCorrelation(MESSAGES.get(move))
                    .processInstanceId(request.getProcessInstanceId()).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException notWaiting) {
            return false;
        }
    }

    @Override
    public void loopClosed(ServiceRequest request, String how) {
        followUps.closeLoop(request, how, ServiceRequestProcess.now());
    }

    @Override
    public void raiseTaskPriorities(String processInstanceId, int by) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            // saved as read: a change another node committed meanwhile fails the save instead of being overwritten
            task.setPriority(task.getPriority() + by);
            taskService.saveTask(task);
        }
    }
}
