package com.sladesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A user who completes a task (Tasklist, /engine-rest, the Java API with a logged-in user) sets only the
 * fields its Camunda Form lets him fill in. Variables passed on completion land in the process scope, so a
 * completion carrying any other variable (a due instant, a team, a reminder time) is refused as a whole.
 * Read-only fields that Tasklist sends back with the form are dropped: they are copies for display.
 * Completions by the engine's own code (no authenticated user) and by administrators are not checked.
 */
class TaskFormFieldsOnly extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(TaskFormFieldsOnly.class);

    private final ProcessEngineConfigurationImpl engine;
    private final ObjectMapper json = new ObjectMapper();

    TaskFormFieldsOnly(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Field variablesField = variablesField(command);
        Authentication user = engine.getIdentityService().getCurrentAuthentication();
        if (variablesField != null && user != null && !EngineCommandRules.isAdmin(engine, user)) {
            check(command, variablesField, user.getUserId());
        }
        return next.execute(command);
    }

    @SuppressWarnings("unchecked")
    private void check(Command<?> command, Field variablesField, String user) {
        String taskId = (String) read(command, "taskId");
        Map<String, Object> submitted = (Map<String, Object>) read(command, variablesField);
        if (submitted == null || submitted.isEmpty()) {
            return;
        }
        FormFields form = formOf(taskId);
        Set<String> refused = new TreeSet<>(submitted.keySet());
        refused.removeAll(form.input());
        refused.removeAll(form.display());
        if (!refused.isEmpty()) {
            log.warn("User {} tried to complete task {} with variables outside its form: {}", user, taskId, refused);
            throw new FormFieldValidationException(refused.iterator().next(),
                    "Task %s accepts only its form's fields %s; refused %s".formatted(taskId, form.input(), refused));
        }
        Map<String, Object> kept = new LinkedHashMap<>(submitted);
        kept.keySet().removeAll(form.display());
        if (kept.size() != submitted.size()) {
            write(command, variablesField, command instanceof SubmitTaskFormCmd
                    ? org.camunda.bpm.engine.variable.Variables.fromMap(kept) : kept);
        }
    }

    private FormFields formOf(String taskId) {
        InputStream form;
        try {
            form = engine.getFormService().getDeployedTaskForm(taskId);
        } catch (ProcessEngineException noDeployedForm) {
            return new FormFields(Set.of(), Set.of());
        }
        try (form) {
            Set<String> input = new TreeSet<>();
            Set<String> display = new TreeSet<>();
            collect(json.readTree(form).path("components"), input, display);
            return new FormFields(input, display);
        } catch (IOException unreadable) {
            // a form that is not JSON has no fields to fill in
            return new FormFields(Set.of(), Set.of());
        }
    }

    private static void collect(JsonNode components, Set<String> input, Set<String> display) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null) {
                (component.path("disabled").asBoolean() || component.path("readonly").asBoolean() ? display : input)
                        .add(key);
            }
            collect(component.path("components"), input, display);
        }
    }

    private record FormFields(Set<String> input, Set<String> display) {
    }

    // the engine's completion commands keep their arguments in protected fields without getters
    private static final List<Field> VARIABLE_FIELDS = new ArrayList<>();

    static {
        VARIABLE_FIELDS.add(field(CompleteTaskCmd.class, "variables"));
        VARIABLE_FIELDS.add(field(SubmitTaskFormCmd.class, "properties"));
    }

    private static Field variablesField(Command<?> command) {
        return VARIABLE_FIELDS.stream().filter(field -> field.getDeclaringClass().isInstance(command)).findFirst()
                .orElse(null);
    }

    private static Object read(Command<?> command, String name) {
        return read(command, field(variablesField(command).getDeclaringClass(), name));
    }

    private static Object read(Command<?> command, Field field) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Command<?> command, Field field, Object value) {
        try {
            field.set(command, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda changed " + type.getName() + "." + name, e);
        }
    }
}
