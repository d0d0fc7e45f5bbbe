package com.sladesk.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

import com.sladesk.report.CandidateTables;
import com.sladesk.request.InvalidRequestException;

/**
 * Candidate SlaTargets tables on a DMN engine of their own (the application's {@code standaloneDmnEngine}), not the
 * process engine's: that one records every evaluation in the history and needs a command context to read a
 * table; a what-if simulation records nothing.
 */
@Component
public class SlaTargetsCandidates implements CandidateTables {

    static final String DECISION = ServiceRequestProcess.DECISION_SLA_TARGETS;

    private final RepositoryService repository;
    private final DmnEngine dmn;

    public SlaTargetsCandidates(RepositoryService repository, DmnEngine dmn) {
        this.repository = repository;
        this.dmn = dmn;
    }

    @Override
    public Table uploaded(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidRequestException("candidate", "the file is empty");
        }
        // no DMN needs a document type; one could declare entities that read files or URLs
        String text = new String(content, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
        if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
            throw new InvalidRequestException("candidate", "a DMN file has no document type declaration");
        }
        return checked("uploaded " + (fileName == null || fileName.isBlank() ? "file" : fileName),
                new ByteArrayInputStream(content));
    }

    @Override
    public Table deployed(String decisionDefinitionId) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionId(decisionDefinitionId).singleResult();
        if (definition == null || !DECISION.equals(definition.getKey())) {
            throw new InvalidRequestException("decisionDefinitionId", "no deployed " + DECISION
                    + " version has the id '" + decisionDefinitionId + "'");
        }
        try (InputStream model = repository.getDecisionModel(definition.getId())) {
            return checked(DECISION + " v" + definition.getVersion() + " (" + definition.getId() + ")", model);
        } catch (IOException e) {
            throw new IllegalStateException("Reading the deployed decision " + definition.getId(), e);
        }
    }

    @Override
    public List<Version> versions() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .orderByDecisionDefinitionVersion().desc().list().stream()
                .map(d -> new Version(d.getId(), d.getVersion(), d.getVersionTag(), d.getDeploymentId())).toList();
    }

    private Table checked(String name, InputStream content) {
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(content);
        } catch (ModelException e) {
            throw new InvalidRequestException("candidate", "not a DMN 1.3 file: " + firstLine(e));
        }
        if (!(model.getModelElementById(DECISION) instanceof Decision decision)) {
            throw new InvalidRequestException("candidate", "the DMN has no decision with the id '" + DECISION + "'");
        }
        if (!(decision.getExpression() instanceof DecisionTable table)) {
            throw new InvalidRequestException("candidate", DECISION + " is not a decision table");
        }
        List<String> inputs = table.getInputs().stream().map(Input::getInputExpression)
                .map(e -> e == null || e.getText() == null ? "" : e.getText().getTextContent().trim()).toList();
        List<String> outputs = table.getOutputs().stream().map(Output::getName).map(n -> n == null ? "" : n)
                .filter(n -> !OPTIONAL_OUTPUTS.contains(n)).toList();
        String difference = difference("inputs", INPUTS, inputs) + difference("outputs", OUTPUTS, outputs);
        if (!difference.isEmpty()) {
            throw new InvalidRequestException("candidate", DECISION + " differs from the contract (inputs "
                    + String.join(", ", INPUTS) + "; outputs " + String.join(", ", OUTPUTS) + "):" + difference);
        }
        DmnDecision parsed;
        try {
            parsed = dmn.parseDecision(DECISION, model);
        } catch (DmnEngineException | ProcessEngineException | FeelException e) {
            throw new InvalidRequestException("candidate", "the engine cannot read " + DECISION + ": " + firstLine(e));
        }
        return new Table() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, Object> decide(List<String> values) {
                VariableMap variables = Variables.createVariables();
                for (int i = 0; i < INPUTS.size(); i++) {
                    variables.putValue(INPUTS.get(i), values.get(i));
                }
                try {
                    DmnDecisionRuleResult result = dmn.evaluateDecisionTable(parsed, variables).getSingleResult();
                    return result == null ? null : result.getEntryMap();
                } catch (DmnEngineException | ProcessEngineException | FeelException e) {
                    throw new InvalidRequestException("candidate", DECISION + " fails for " + values + ": "
                            + firstLine(e));
                }
            }
        };
    }

    private static String difference(String what, List<String> contract, List<String> found) {
        StringBuilder difference = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>(contract);
        found.forEach(missing::remove);
        Set<String> unknown = new LinkedHashSet<>(found);
        contract.forEach(unknown::remove);
        if (!missing.isEmpty()) {
            difference.append(" missing ").append(what).append(' ').append(String.join(", ", missing)).append(';');
        }
        if (!unknown.isEmpty()) {
            difference.append(" ").append(what).append(" not in the contract ").append(String.join(", ", unknown))
                    .append(';');
        }
        if (missing.isEmpty() && unknown.isEmpty() && found.size() != contract.size()) {
            difference.append(" ").append(what).append(" named twice;");
        }
        return difference.toString();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
