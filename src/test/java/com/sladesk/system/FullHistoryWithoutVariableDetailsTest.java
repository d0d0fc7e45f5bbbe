package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The desk's history level writes everything of full history but the variable-update details, and opens a
 * database that full history created (and the other way round).
 */
class FullHistoryWithoutVariableDetailsTest {

    private static final String DATABASE = "jdbc:h2:mem:history-level;DB_CLOSE_DELAY=-1";

    @Test
    void keepsTheVariablesActivitiesAndDecisionsButNotEachValueAVariableHad() {
        // given a database full history created, with its details
        ProcessEngine full = engine(ProcessEngineConfiguration.HISTORY_FULL,
                ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        String before = startAndUpdate(full);
        assertThat(full.getHistoryService().createHistoricDetailQuery().processInstanceId(before).count()).isEqualTo(3);
        full.close();

        // when the desk's level opens it and a request sets and changes its variables
        ProcessEngine desk = engine(FullHistoryWithoutVariableDetails.NAME,
                ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        String after = startAndUpdate(desk);

        // then
        assertThat(desk.getHistoryService().createHistoricDetailQuery().processInstanceId(after).count()).isZero();
        assertThat(desk.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(after).list())
                .extracting(v -> v.getName() + "=" + v.getValue()).containsExactlyInAnyOrder("priority=URGENT",
                        "team=tech-support");
        assertThat(desk.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(after).count())
                .isEqualTo(2);
        assertThat(desk.getManagementService().getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        desk.close();

        // and full history opens the database again
        ProcessEngine fullAgain = engine(ProcessEngineConfiguration.HISTORY_FULL,
                ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        assertThat(fullAgain.getHistoryService().createHistoricDetailQuery().processInstanceId(before).count())
                .isEqualTo(3);
        fullAgain.close();
    }

    private static ProcessEngine engine(String history, String schemaUpdate) {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        // not "default": closing it would take the app's engine of a test context out of Camunda's registry
        configuration.setProcessEngineName("history-level-test");
        configuration.setJdbcUrl(DATABASE);
        configuration.setDatabaseSchemaUpdate(schemaUpdate);
        configuration.setHistory(history);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new FullHistoryWithoutVariableDetails()));
        return configuration.buildProcessEngine();
    }

    /** Starts a process with two variables and changes one of them: three values over its life. */
    private static String startAndUpdate(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().addModelInstance("request.bpmn",
                Bpmn.createExecutableProcess("request").camundaHistoryTimeToLive(180).startEvent().userTask("work")
                        .endEvent().done()).deploy();
        String id = engine.getRuntimeService().startProcessInstanceByKey("request",
                Map.of("priority", "HIGH", "team", "tech-support")).getId();
        engine.getRuntimeService().setVariable(id, "priority", "URGENT");
        return id;
    }
}
