package com.sladesk.system;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.sladesk.process.SlaRecord;

/**
 * What the engine does beyond Camunda's defaults so that nobody bends an SLA: completions carry only form
 * fields ({@link TaskFormFieldsOnly}), task dates and BPMN errors are for administrators
 * ({@link EngineCommandRules}), non-admin deployments are vetted ({@link DeploymentGuard}), and a deploying
 * user gets no rights on his deployment (Camunda would grant him DELETE).
 */
@Component
class EngineSafeguards extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    EngineSafeguards(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        // outermost: a task command that lost a race runs again, through every check below
        configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new RetryConflictingTaskCommands());
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new TaskFormFieldsOnly(configuration));
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new EngineCommandRules(configuration));
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(new DeploymentGuard(() -> ourDelegates(context,
                JavaDelegate.class, TaskListener.class, ExecutionListener.class), modelMethods(),
                () -> Set.of(context.getBeanDefinitionNames())));
        configuration.setResourceAuthorizationProvider(new NoRightsOnOwnDeployment());
    }

    /** Bean names of our delegates and listeners of the given types (looked up at the first vetted deployment). */
    static Set<String> ourDelegates(ApplicationContext context, Class<?>... types) {
        return Arrays.stream(types).flatMap(type -> Arrays.stream(context.getBeanNamesForType(type)))
                .filter(name -> context.getType(name) != null
                        && context.getType(name).getPackageName().startsWith("com.sladesk"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The public methods of the one bean a model may call. */
    static Map<String, Set<String>> modelMethods() {
        return Map.of("slaRecord", Arrays.stream(SlaRecord.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers())).map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Deployments are read by the groups' grants; deleting them is for administrators only. */
    static class NoRightsOnOwnDeployment extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newDeployment(Deployment deployment) {
            return new AuthorizationEntity[0];
        }
    }
}
