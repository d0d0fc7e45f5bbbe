package com.sladesk.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The filters in front of everything: body sizes, the login throttle, JSON-only API changes, 503 when the
 * database is out of reach.
 */
@Configuration
@EnableConfigurationProperties(WebLimits.Properties.class)
class WebLimits {

    /**
     * @param body          the largest request body but a deployment's
     * @param deployment    the largest deployment upload (Camunda Modeler)
     * @param loginFailures failed logins from one address before it must wait
     * @param loginWindow   how long failed logins count, and the longest wait
     */
    @ConfigurationProperties("sladesk.limits")
    record Properties(DataSize body, DataSize deployment, int loginFailures, Duration loginWindow) {
    }

    @Bean
    FilterRegistrationBean<BodyLimits> bodyLimits(Properties limits) {
        FilterRegistrationBean<BodyLimits> registration = new FilterRegistrationBean<>(
                new BodyLimits(limits.body(), limits.deployment()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(Properties limits) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(limits.loginFailures(), limits.loginWindow(), Clock.systemUTC()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonOnlyApi> jsonOnlyApi() {
        FilterRegistrationBean<JsonOnlyApi> registration = new FilterRegistrationBean<>(new JsonOnlyApi());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseUnavailable> databaseUnavailable() {
        FilterRegistrationBean<DatabaseUnavailable> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailable());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
