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
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import com.sladesk.sla.SlaMetric;

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
                .containsExactlyInAnyOrder("SubProcess_FirstResponse", "SubProcess_ExpertDiagnosis",
                        "SubProcess_ResolutionClock", "SubProcess_AcknowledgementClock", "SubProcess_FollowUp");
    }

    /**
     * Each clock's warning and breach is a non-interrupting timer boundary event on the activity where the clock runs,
     * the breach path escalates level by level (a timer waits for the next level and leads back to the decision),
     * and the stage around them ends in a terminate end event, so no timer outlives its clock.
     */
    @ParameterizedTest
    @EnumSource(SlaMetric.class)
    void everyMetricWarnsAndBreachesOnANonInterruptingBoundaryTimer(SlaMetric metric) {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes", "service-request.bpmn").toFile());
        BoundaryEvent warning = boundaryTimer(model, "warnAt(execution, '" + metric + "')");
        BoundaryEvent breach = boundaryTimer(model, "dueAt(execution, '" + metric + "')");
        for (BoundaryEvent timer : List.of(warning, breach)) {
            assertThat(timer.cancelActivity()).as("%s interrupts its activity", timer.getId()).isFalse();
        }
        assertThat(warning.getAttachedTo()).isSameAs(breach.getAttachedTo());
        assertThat(reachable(breach)).as("the breach path of %s", metric)
                .anySatisfy(e -> assertThat(e).isInstanceOf(ServiceTask.class).extracting(
                        task -> ((ServiceTask) task).getCamundaDelegateExpression()).isEqualTo("${escalateDelegate}"))
                .anySatisfy(e -> assertThat(e).isInstanceOf(IntermediateCatchEvent.class).extracting(
                        e2 -> reachable(e2).contains(e2)).isEqualTo(true));
        ModelElementInstance stage = breach.getParentElement();
        assertThat(stage).as("the stage holding the timers of %s", metric).isInstanceOf(SubProcess.class);
        assertThat(reachable((FlowNode) warning.getAttachedTo())).as("where the work of %s leads", metric)
                .anySatisfy(end -> assertThat(end).isInstanceOf(EndEvent.class).satisfies(e -> {
                    assertThat(((EndEvent) e).getEventDefinitions()).hasAtLeastOneElementOfType(
                            TerminateEventDefinition.class);
                    assertThat(e.getParentElement()).as("the terminate end's stage").isSameAs(stage);
                }));
        assertThat(model.getModelElementsByType(SubProcess.class)).as("event subprocesses")
                .noneMatch(SubProcess::triggeredByEvent);
    }

    private static BoundaryEvent boundaryTimer(BpmnModelInstance model, String instant) {
        List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
                .filter(event -> event.getEventDefinitions().stream().anyMatch(
                        d -> d instanceof TimerEventDefinition timer && timer.getTimeDate() != null
                                && timer.getTimeDate().getTextContent().contains(instant)))
                .toList();
        assertThat(timers).as("boundary timers on %s", instant).hasSize(1);
        return timers.get(0);
    }

    /** Every flow node reachable from the given one along sequence flows. */
    private static Set<FlowNode> reachable(FlowNode from) {
        Set<FlowNode> seen = new HashSet<>();
        List<FlowNode> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            for (SequenceFlow flow : todo.remove(todo.size() - 1).getOutgoing()) {
                if (seen.add(flow.getTarget())) {
                    todo.add(flow.getTarget());
                }
            }
        }
        return seen;
    }
}
