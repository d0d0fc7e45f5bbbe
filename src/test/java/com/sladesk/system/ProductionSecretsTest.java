package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import com.sladesk.SlaDeskApplication;

/** Production (the mysql profile) does not start with the survey secret everybody can read in our source. */
class ProductionSecretsTest {

    @Test
    void theMysqlProfileRefusesToStartWithTheDevelopmentSurveySecretNamingTheVariable() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SlaDeskApplication.class).profiles("mysql")
                .run("--sladesk.survey.secret=" + ProductionSecrets.DEVELOPMENT_SURVEY_SECRET).close())
                .hasMessageContaining("SLADESK_SURVEY_SECRET");
    }

    @Test
    void aSecretOfItsOwnPassesAndTheDefaultOutsideTheMysqlProfileToo() {
        StandardEnvironment production = new StandardEnvironment();
        production.setActiveProfiles("mysql");
        production.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("sladesk.survey.secret", "a-secret-of-its-own")));
        StandardEnvironment development = new StandardEnvironment();
        development.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("sladesk.survey.secret", ProductionSecrets.DEVELOPMENT_SURVEY_SECRET)));

        assertThatCode(() -> new ProductionSecrets().postProcessEnvironment(production, null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProductionSecrets().postProcessEnvironment(development, null))
                .doesNotThrowAnyException();
    }
}
