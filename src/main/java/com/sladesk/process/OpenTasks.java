package com.sladesk.process;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The open user tasks of a request's process instance, which warnings and escalations act on. */
@Component
class OpenTasks {

    List<Task> of(DelegateExecution execution) {
        return taskService(execution).createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list();
    }

    void raisePriority(DelegateExecution execution, List<Task> tasks, int raise) {
        tasks.forEach(task -> taskService(execution).setPriority(task.getId(), task.getPriority() + raise));
    }

    void addCandidateGroup(DelegateExecution execution, List<Task> tasks, String group) {
        tasks.forEach(task -> taskService(execution).addCandidateGroup(task.getId(), group));
    }

    private static TaskService taskService(DelegateExecution execution) {
        return execution.getProcessEngineServices().getTaskService();
    }
}
