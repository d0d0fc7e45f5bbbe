package com.sladesk.system;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The decisions' FEEL engine is Camunda's, with the answers of literal cells remembered ({@link LiteralFeelCache})
 * and every other text parsed once ({@link ParsedOnceFeelEngine}).
 */
@Component
class FastFeel extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(LiteralFeelCache.around(
                ParsedOnceFeelEngine.factory(configuration.getDmnFeelCustomFunctionProviders())));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
