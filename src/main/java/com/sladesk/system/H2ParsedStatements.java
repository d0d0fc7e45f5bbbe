package com.sladesk.system;

import java.util.Locale;

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
 */
@Configuration
class H2ParsedStatements {

    static final int STATEMENTS = 256;
    private static final String SETTING = "QUERY_CACHE_SIZE";

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
