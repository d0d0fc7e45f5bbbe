package com.sladesk.system;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start production (the mysql profile) with the development survey secret: anyone who read our
 * source could sign survey links for any request.
 */
public class ProductionSecrets implements EnvironmentPostProcessor, Ordered {

    static final String DEVELOPMENT_SURVEY_SECRET = "local-development-only-survey-secret";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String secret = environment.getProperty("sladesk.survey.secret");
        if (environment.acceptsProfiles(Profiles.of("mysql")) && (secret == null || secret.strip().length() < 16
                || DEVELOPMENT_SURVEY_SECRET.equals(secret))) {
            throw new IllegalStateException("The survey secret is missing, short or the development default: set "
                    + "SLADESK_SURVEY_SECRET to a long random value (16 characters at least) before starting with "
                    + "the mysql profile");
        }
    }

    /** After the profiles and application.yaml have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
