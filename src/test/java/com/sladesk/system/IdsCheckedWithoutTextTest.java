package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;

import com.sladesk.process.ServiceRequestProcess;
import org.junit.jupiter.api.Test;

/**
 * The engine's entity manager checks ids without describing the entity first: a good id costs no text, a wrong one
 * fails as in Camunda's own entity manager, and the engine writes its rows as before.
 */
class IdsCheckedWithoutTextTest {

    /** A row that counts how often it was described. */
    private static final class Row implements DbEntity {
        private String id;
        private int described;

        Row(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return Row.class;
        }

        @Override
        public String toString() {
            described++;
            return "Row[" + id + "]";
        }
    }

    @Test
    void aGoodIdIsNotDescribedAndAMissingOneIsGenerated() {
        // given
        IdsCheckedWithoutText.IdCheckingEntityManager manager = new IdsCheckedWithoutText.IdCheckingEntityManager(
                new StrongUuidGenerator(), null);
        Row given = new Row("4711");
        Row generated = new Row(null);

        // when
        manager.insert(given);
        manager.insert(generated);

        // then
        assertThat(given.described).isZero();
        assertThat(generated.getId()).isNotBlank();
        assertThat(generated.described).isZero();
        // Camunda's own entity manager describes every row it inserts
        Row camundas = new Row("4712");
        new DbEntityManager(new StrongUuidGenerator(), null).insert(camundas);
        assertThat(camundas.described).isEqualTo(1);
    }

    @Test
    void theReservedIdFailsWithCamundasOwnMessage() {
        // when ours and Camunda's entity manager insert a row with the id reserved for "any"
        Throwable ours = catchThrowable(() -> new IdsCheckedWithoutText.IdCheckingEntityManager(
                new StrongUuidGenerator(), null).insert(new Row(Authorization.ANY)));
        Throwable camundas = catchThrowable(() -> new DbEntityManager(new StrongUuidGenerator(), null)
                .insert(new Row(Authorization.ANY)));

        // then
        assertThat(ours).isNotNull().isExactlyInstanceOf(camundas.getClass()).hasMessage(camundas.getMessage());
        assertThat(ours.getMessage()).contains("Row[*]", "reserved identifier");
    }

    @Test
    void theEngineUsesItAndWritesItsRows() {
        // given an engine with the plugin and a process with a task
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("ids-checked-test");
        configuration.setJdbcUrl("jdbc:h2:mem:ids-checked;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new IdsCheckedWithoutText()));
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().addModelInstance("ids-checked.bpmn",
                    Bpmn.createExecutableProcess("IdsChecked").startEvent("StartEvent_Received").userTask("Task_Respond")
                            .endEvent("EndEvent_Responded").done()).deploy();

            // when an instance starts with a variable
            String instance = engine.getRuntimeService().startProcessInstanceByKey("IdsChecked",
                    Variables.putValue(ServiceRequestProcess.Var.PRIORITY, "URGENT")).getId();

            // then our entity manager wrote its rows
            Command<DbEntityManager> entityManager = context -> context.getDbEntityManager();
            assertThat((Object) configuration.getCommandExecutorTxRequired().execute(entityManager))
                    .isInstanceOf(IdsCheckedWithoutText.IdCheckingEntityManager.class);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .singleResult().getValue()).isEqualTo("URGENT");
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                    .count()).isEqualTo(2);
        } finally {
            engine.close();
        }
    }
}
