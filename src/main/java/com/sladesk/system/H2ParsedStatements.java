package com.sladesk.system;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * H2 keeps the 8 statements a connection parsed last and parses any other again. An intake runs some 60 distinct
 * statements (the engine's, Hibernate's and ours), so H2 parsed nearly every one each time: a tenth of an intake's
 * CPU in a JFR profile. On H2 the pool's connections keep {@value #STATEMENTS} (unless the URL says otherwise).
 */
@Configuration
class H2ParsedStatements {

    static final int STATEMENTS = 256;

    @Bean
    static BeanPostProcessor h2KeepsParsedStatements() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:h2:")
                        && !pool.getJdbcUrl().toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE")) {
                    pool.addDataSourceProperty("QUERY_CACHE_SIZE", Integer.toString(STATEMENTS));
                }
                return bean;
            }
        };
    }
}
