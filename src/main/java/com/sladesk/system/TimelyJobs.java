package com.sladesk.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Timers fire on the second, on one node or several: the job executor takes the jobs that fell due longest ago
 * first, through an index on their due instant, so its frequent polls (camunda.bpm.job-execution in
 * application.yaml: every second when idle) stay cheap however many future timers wait. Every job has a due
 * instant (jobs written before have theirs set at start). A job that fails because the database went away is
 * tried again after 5 s, 10 s, 20 s, 40 s and 1 min before it becomes an incident.
 */
@Component
class TimelyJobs extends AbstractProcessEnginePlugin {

    static final String DUE_INDEX = "SLADESK_IDX_JOB_DUEDATE";

    private static final Logger log = LoggerFactory.getLogger(TimelyJobs.class);

    private ProcessEngineConfigurationImpl configuration;

    /**
     * The job executor Camunda's starter would configure from camunda.bpm.job-execution, as a
     * {@link FairJobExecutor}.
     */
    @Bean
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static JobExecutor jobExecutor(@Qualifier(JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor tasks,
            CamundaBpmProperties properties) {
        return FairJobExecutor.like((SpringJobExecutor) JobConfiguration.jobExecutor(tasks, properties));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setJobExecutorAcquireByDueDate(true);
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setFailedJobRetryTimeCycle("PT5S,PT10S,PT20S,PT40S,PT1M");
    }

    /** Each node names its locks after its host name: an operator sees which node holds a job. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(configuration.getHostname() + "/" + UUID.randomUUID());
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = LongStatements.untimed(configuration.getDataSource().getConnection())) {
            if (!hasDueIndex(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create index " + DUE_INDEX + " on ACT_RU_JOB(DUEDATE_)");
                    log.info("Created index {} for the job executor's acquisition by due date", DUE_INDEX);
                } catch (SQLException e) {
                    // another node starting at the same moment created it first, or it could not be built now:
                    // the index only makes polling cheaper
                    log.warn("Index {} on ACT_RU_JOB(DUEDATE_) not created: {}", DUE_INDEX, e.getMessage());
                }
            }
            try (PreparedStatement undated = connection.prepareStatement(
                    "update ACT_RU_JOB set DUEDATE_ = ?, REV_ = REV_ + 1 where DUEDATE_ is null")) {
                undated.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
                int dated = undated.executeUpdate();
                if (dated > 0) {
                    log.info("Gave {} jobs without a due instant the instant of this start", dated);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("The job executor's due date index could not be created", e);
        }
    }

    private static boolean hasDueIndex(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
            try (ResultSet indexes = metaData.getIndexInfo(connection.getCatalog(), null, table, false, true)) {
                while (indexes.next()) {
                    String name = indexes.getString("INDEX_NAME");
                    if (name != null && name.toUpperCase(Locale.ROOT).equals(DUE_INDEX)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
