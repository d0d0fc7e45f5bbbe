package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Modeler element templates in processes/.camunda/element-templates: one per delegate and allowed bean method a
 * designer may place, each passing the deployment guard when applied to an element.
 */
@SpringBootTest
class ElementTemplatesTest {

    static final Path TEMPLATES = Path.of("processes", ".camunda", "element-templates", "sla-desk.json");
    /** Camunda 7 element templates cannot set a timer's date; the escalate template's description names it. */
    static final Set<String> ONLY_IN_TIMER_DATES = Set.of("nextLevelAt");

    @Autowired ApplicationContext context;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyDelegateHasATemplate() throws IOException {
        Set<String> placed = new TreeSet<>();
        for (JsonNode template : templates()) {
            for (JsonNode property : template.path("properties")) {
                if (property.path("binding").path("name").asText().equals("camunda:delegateExpression")) {
                    placed.add(property.path("value").asText().replaceAll("^\\$\\{(.*)}$", "$1"));
                }
            }
        }
        assertThat(placed).isEqualTo(EngineSafeguards.ourDelegates(context, JavaDelegate.class));
    }

    /** Task listeners cannot be bound by a Camunda 7 template: the user-task templates name each one to add. */
    @Test
    void everyTaskListenerIsNamedByTheTemplateOfItsTask() throws IOException {
        StringBuilder descriptions = new StringBuilder();
        templates().forEach(t -> descriptions.append(t.path("description").asText()).append('\n'));
        assertThat(EngineSafeguards.ourDelegates(context, TaskListener.class)).isNotEmpty()
                .allSatisfy(listener -> assertThat(descriptions).contains("${" + listener + "}"));
    }

    @Test
    void everyAllowedMethodHasATemplate() throws IOException {
        String values = templates().toString();
        Set<String> missing = new TreeSet<>();
        for (String method : EngineSafeguards.modelMethods().get("slaRecord")) {
            if (!values.matches("(?s).*\"value\":\"[^\"]*slaRecord\\." + method + "\\(.*")
                    && !values.matches("(?s).*\"source\":\"[^\"]*slaRecord\\." + method + "\\(.*")) {
                missing.add(method);
            }
        }
        assertThat(missing).isEqualTo(ONLY_IN_TIMER_DATES);
        assertThat(values).contains("slaRecord.nextLevelAt(execution");
    }

    @Test
    void everyTemplateHasEnglishAndChineseLabelsAndUniqueIds() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (JsonNode template : templates()) {
            assertThat(ids.add(template.path("id").asText())).as("unique id %s", template.path("id")).isTrue();
            assertThat(template.path("name").asText()).as("name").matches(".+ · .*\\p{IsHan}.*");
            assertThat(template.path("description").asText()).as("description of %s", template.path("id"))
                    .matches("(?s)[A-Z].*\\p{IsHan}.*");
        }
    }

    @Test
    void everyTemplatePassesTheDeploymentGuard() throws IOException {
        DeploymentGuard guard = guard();
        for (JsonNode template : templates()) {
            String model = applied(template);
            guard.vet(template.path("id").asText() + ".bpmn", model.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The check can fail: a template whose value reaches beyond the allowed methods is refused. */
    @Test
    void aTamperedTemplateIsRefused() throws IOException {
        JsonNode template = templates().get(0).deepCopy();
        for (JsonNode property : template.path("properties")) {
            if (property.path("binding").path("name").asText().equals("name")) {
                ((ObjectNode) property).put("value", "${execution.getClass().forName('java.lang.Runtime')}");
            }
        }
        String model = applied(template);
        assertThatThrownBy(() -> guard().vet("tampered.bpmn", model.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DeploymentGuard.Refused.class);
    }

    private DeploymentGuard guard() {
        return new DeploymentGuard(() -> EngineSafeguards.ourDelegates(context, JavaDelegate.class,
                TaskListener.class), EngineSafeguards.modelMethods(), () -> Set.of(context.getBeanDefinitionNames()));
    }

    private List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        json.readTree(TEMPLATES.toFile()).forEach(templates::add);
        assertThat(templates).isNotEmpty();
        return templates;
    }

    /** A process with one element the template is applied to, as Modeler would write it. */
    private static String applied(JsonNode template) {
        String type = template.path("elementType").path("value").asText(template.path("appliesTo").get(0).asText())
                .replace("bpmn:", "");
        String tag = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        StringBuilder attributes = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        StringBuilder children = new StringBuilder();
        for (JsonNode property : template.path("properties")) {
            JsonNode binding = property.path("binding");
            String value = xml(property.path("value").asText());
            switch (binding.path("type").asText()) {
                case "property" -> {
                    if (binding.path("name").asText().equals("conditionExpression")) {
                        children.append("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">")
                                .append(value).append("</bpmn:conditionExpression>");
                    } else {
                        attributes.append(' ').append(binding.path("name").asText()).append("=\"").append(value)
                                .append('"');
                    }
                }
                case "camunda:inputParameter" -> inputs.append("<camunda:inputParameter name=\"")
                        .append(binding.path("name").asText()).append("\">").append(value)
                        .append("</camunda:inputParameter>");
                case "camunda:outputParameter" -> inputs.append("<camunda:outputParameter name=\"").append(value)
                        .append("\">").append(xml(binding.path("source").asText()))
                        .append("</camunda:outputParameter>");
                default -> throw new AssertionError("unexpected binding " + binding);
            }
        }
        String element = tag.equals("sequenceFlow")
                ? "<bpmn:task id=\"A\"/><bpmn:task id=\"B\"/>"
                        + "<bpmn:sequenceFlow id=\"E\" sourceRef=\"A\" targetRef=\"B\"" + attributes + ">" + children
                        + "</bpmn:sequenceFlow>"
                : "<bpmn:" + tag + " id=\"E\"" + attributes + ">" + (inputs.isEmpty() ? ""
                        : "<bpmn:extensionElements><camunda:inputOutput>" + inputs
                                + "</camunda:inputOutput></bpmn:extensionElements>") + "</bpmn:" + tag + ">";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions"
                + " xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"D\" targetNamespace=\"t\">"
                + "<bpmn:process id=\"P\" isExecutable=\"true\">" + element + "</bpmn:process></bpmn:definitions>";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
