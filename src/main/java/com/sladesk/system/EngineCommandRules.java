package com.sladesk.system;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskFollowUpDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What Camunda's task permissions allow but SLA Desk does not, for everybody but administrators: a lead who may
 * reassign a task (TASK_ASSIGN) may not change its due or follow-up date, priority or name with it, and nobody
 * ends a task with a BPMN error or escalation (that would leave the stage without its record and set variables).
 * The engine's own code (no logged-in user) is not checked.
 */
class EngineCommandRules extends CommandInterceptor {

    private static final List<Class<?>> ADMINS_ONLY = List.of(SaveTaskCmd.class, SetTaskDueDateCmd.class,
            SetTaskFollowUpDateCmd.class, SetTaskPriorityCmd.class, SetTaskNameCmd.class, SetTaskDescriptionCmd.class,
            CreateTaskCmd.class, DeleteTaskCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);

    private final ProcessEngineConfigurationImpl engine;

    EngineCommandRules(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (user != null && !isAdmin(engine, user) && ADMINS_ONLY.stream().anyMatch(type -> type.isInstance(command))) {
            throw new AuthorizationException("Only administrators may change a task's dates, priority or name, or "
                    + "end it with a BPMN error or escalation; " + user.getUserId() + " may claim, complete or "
                    + "(leads) reassign it");
        }
        return next.execute(command);
    }

    static boolean isAdmin(ProcessEngineConfigurationImpl engine, Authentication user) {
        return engine.getAdminUsers() != null && engine.getAdminUsers().contains(user.getUserId())
                || user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(group -> Groups.ADMIN.equals(group)
                        || engine.getAdminGroups() != null && engine.getAdminGroups().contains(group));
    }
}
