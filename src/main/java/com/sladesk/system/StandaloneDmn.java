package com.sladesk.system;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A DMN engine of its own, beside the process engine's, for reading decision tables without running them in a
 * process (what-if simulations): the same FEEL with literal cells remembered ({@link LiteralFeelCache}) and every
 * other text parsed once ({@link ParsedOnceFeelEngine}), but no history of its evaluations and no command context
 * needed to parse a table.
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneDmn {

    /** Builds one; the application has one as a bean. */
    public static DmnEngine build() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(LiteralFeelCache.around(ParsedOnceFeelEngine.factory(List.of())));
        return configuration.buildEngine();
    }

    @Bean
    DmnEngine standaloneDmnEngine() {
        return build();
    }
}
