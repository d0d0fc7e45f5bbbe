package com.sladesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every process in processes/ opens cleanly in Camunda Modeler: readable ids and a diagram shape for everything. */
class ProcessModelTest {

    /** Ids Camunda Modeler generates, such as Activity_0x1abcd or Flow_1abc2de. */
    private static final Pattern GENERATED_ID = Pattern.compile(
            "(Activity|Flow|Event|Gateway|StartEvent|EndEvent|Task|SubProcess|Timer|TimerEventDefinition|Process)"
                    + "_[0-9][0-9a-z]{6}");

    static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void hasNoGeneratedIds(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> generated = model.getModelElementsByType(BaseElement.class).stream().map(BaseElement::getId)
                .filter(id -> id != null && GENERATED_ID.matcher(id).matches()).toList();
        assertThat(generated).as("generated ids in %s", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void drawsEveryElement(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> drawn = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
        List<String> undrawn = new ArrayList<>();
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (!drawn.contains(element.getId())) {
                undrawn.add(element.getId());
            }
        }
        assertThat(undrawn).as("elements without a diagram shape in %s", file).isEmpty();
        assertThat(model.getModelElementsByType(SubProcess.class)).allSatisfy(
                sub -> assertThat(drawn).contains(sub.getId()));
    }

    @ParameterizedTest
    @MethodSource("processes")
    void setsHistoryTimeToLive(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        assertThat(model.getModelElementsByType(Process.class)).allSatisfy(
                process -> assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank());
    }

    /** Every decision is a business-rule task a designer sees: also Escalation, once in each breach path. */
    @Test
    void theEscalationDecisionIsABusinessRuleTaskInEachBreachPath() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "service-request.bpmn").toFile());
        assertThat(model.getModelElementsByType(BusinessRuleTask.class))
                .filteredOn(task -> "Escalation".equals(task.getCamundaDecisionRef()))
                .extracting(task -> ((BaseElement) task.getParentElement()).getId())
                .containsExactlyInAnyOrder("SubProcess_FirstResponseBreach", "SubProcess_ExpertResponseBreach",
                        "SubProcess_ResolutionBreach");
    }
}
