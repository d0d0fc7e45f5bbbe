package com.sladesk.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * A kept statement keeps the plan H2 made when the connection first ran it (H2 plans it again after a rollback of
 * the connection or some changes of schema, not after {@code ANALYZE}). With H2's default statistics the two
 * indexes of {@code ACT_RU_EVENT_SUBSCR} that Camunda's query for the execution waiting for a message can use tie,
 * and the one on the message's name, created first, wins: the query then read every subscription waiting for that
 * message (all pending acknowledgements) for each of the instance's executions, 2 ms instead of 20 µs with 3,000
 * waiting. H2's automatic {@code ANALYZE} (after 2,000 changes of a table) corrects the statistics, not the plans
 * already kept. So on H2 the engine's message names are declared as {@code ANALYZE} finds them on a desk, few
 * values shared by many rows (selectivity 1), right after the engine is built, before it runs any query for a
 * message. The setting only steers H2's planner: should H2 refuse it, the app starts without it.
 */
@Configuration
class H2ParsedStatements {

    private static final Logger log = LoggerFactory.getLogger(H2ParsedStatements.class);
    static final int STATEMENTS = 256;
    private static final String SETTING = "QUERY_CACHE_SIZE";
    static final String FEW_MESSAGE_NAMES = "alter table ACT_RU_EVENT_SUBSCR alter column EVENT_NAME_ selectivity 1";

    @Bean
    static ProcessEnginePlugin h2PlansForFewMessageNames() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                ProcessEngineConfigurationImpl configuration =
                        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
                if (!"h2".equals(configuration.getDatabaseType())) {
                    return;
                }
                try (Connection connection = configuration.getDataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute(FEW_MESSAGE_NAMES);
                } catch (SQLException e) {
                    log.warn("H2 was not told that message names are few; its plans may read every subscription "
                            + "waiting for a message: {}", e.getMessage());
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
