package com.sladesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * H2 keeps the 8 statements a connection parsed last and parses any other again. An intake runs some 60 distinct
 * statements (the engine's, Hibernate's and ours), so H2 parsed nearly every one each time: 9.6 % of the CPU
 * samples of an intake burst in a JFR profile. On H2 the pool's connections keep {@value #STATEMENTS}, unless the
 * URL or the pool's {@code data-source-properties} say how many, or the pool is given a data source instead of a
 * URL.
 * <p>
 * A kept statement keeps its plan, made when the connection first ran it, until the connection closes (H2 plans
 * again after a change of the schema, not after {@code ANALYZE}). On a new database that is a plan for empty tables:
 * Camunda's query for the execution waiting for a message by name then chose the index on the message's name over
 * the one on the execution, and read every subscription waiting for that message (all pending acknowledgements)
 * for each of the instance's executions, 2 ms instead of 20 µs with 3,000 waiting. So on H2 the engine's message
 * names are declared as what {@code ANALYZE} finds them on a desk, few values shared by many rows (selectivity 1),
 * once its tables exist; the change of schema also makes the pool's connections plan their statements again.
 */
@Configuration
class H2ParsedStatements {

    static final int STATEMENTS = 256;
    private static final String SETTING = "QUERY_CACHE_SIZE";
    static final String FEW_MESSAGE_NAMES = "alter table ACT_RU_EVENT_SUBSCR alter column EVENT_NAME_ selectivity 1";

    @Bean
    static ProcessEnginePlugin h2PlansForFewMessageNames() {
        return new AbstractProcessEnginePlugin() {
            private ProcessEngineConfigurationImpl configuration;

            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                this.configuration = configuration;
            }

            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                if (!"h2".equals(configuration.getDatabaseType())) {
                    return;
                }
                try (Connection connection = configuration.getDataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute(FEW_MESSAGE_NAMES);
                } catch (SQLException e) {
                    throw new ProcessEngineException("H2 could not be told that message names are few", e);
                }
            }
        };
    }

    @Bean
    static BeanPostProcessor h2KeepsParsedStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:h2:") && pool.getDataSourceClassName() == null
                        && pool.getDataSource() == null && !saysHowMany(pool)) {
                    pool.addDataSourceProperty(SETTING, Integer.toString(STATEMENTS));
                }
                return bean;
            }
        };
    }

    /** The URL or the pool's properties set it already (H2 refuses a setting given twice). */
    private static boolean saysHowMany(HikariDataSource pool) {
        return pool.getJdbcUrl().toUpperCase(Locale.ROOT).contains(SETTING) || pool.getDataSourceProperties()
                .stringPropertyNames().stream().anyMatch(name -> name.equalsIgnoreCase(SETTING));
    }
}
