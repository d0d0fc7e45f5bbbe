package com.sladesk.system;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import com.sladesk.request.ServiceRequestRepository;

/**
 * Our API, actuator and managers' pages: HTTP basic against Camunda's users, groups as authorities.
 * The engine REST API: Camunda's own basic-auth filter, so engine authorizations apply to the caller.
 * Customers' pages (web form, survey): open, with CSRF protection.
 * The webapps (Cockpit, Tasklist, Admin) keep their own session login and CSRF protection.
 */
@Configuration
public class SecurityConfiguration {

    static final String[] INTAKE_GROUPS = {Groups.INTEGRATIONS, Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.ADMIN};
    static final String[] RECLASSIFY_GROUPS = {Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.TEAM_LEADS,
            Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.ADMIN};
    static final String[] REPORT_GROUPS = {Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.ADMIN};
    static final List<String> ACT_FOR_CUSTOMER_GROUPS = List.of(Groups.INTEGRATIONS, Groups.TEAM_LEADS,
            Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.ADMIN);
    static final String[] STAFF_GROUPS = {Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.EXPERTS, Groups.TEAM_LEADS,
            Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.INTEGRATIONS, Groups.ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ServiceRequestRepository serviceRequests) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> actingForTheCustomer = actingForTheCustomer(serviceRequests);
        http.securityMatcher("/api/**", "/actuator/**", "/manager/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(Groups.MONITORING, Groups.ADMIN)
                        // channel gateways sign each event with their secret instead of logging in
                        .requestMatchers(HttpMethod.POST, "/api/channels/*/events").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/requests").hasAnyAuthority(INTAKE_GROUPS)
                        .requestMatchers(HttpMethod.PATCH, "/api/requests/*").hasAnyAuthority(RECLASSIFY_GROUPS)
                        .requestMatchers(HttpMethod.POST, "/api/requests/{key}/confirm", "/api/requests/{key}/reopen")
                        .access(actingForTheCustomer)
                        .requestMatchers("/api/requests/*/history", "/api/requests/*/diagram", "/api/reports/**",
                                "/manager/**").hasAnyAuthority(REPORT_GROUPS)
                        .requestMatchers("/api/**").hasAnyAuthority(STAFF_GROUPS)
                        .anyRequest().hasAuthority(Groups.ADMIN))
                .httpBasic(withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless basic auth: no cookie, so no cross-site request to forge
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Confirming and reopening are the customer's answers: a channel gives them, or they are recorded for the
     * customer by an agent of the request's team, a lead, a manager, a director or an administrator.
     */
    static AuthorizationManager<RequestAuthorizationContext> actingForTheCustomer(ServiceRequestRepository requests) {
        return (authentication, context) -> {
            Set<String> groups = authentication.get().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .collect(Collectors.toSet());
            if (ACT_FOR_CUSTOMER_GROUPS.stream().anyMatch(groups::contains)) {
                return new AuthorizationDecision(true);
            }
            // an unknown key passes on to the controller's 404
            return new AuthorizationDecision(requests.findByRequestKey(context.getVariables().get("key"))
                    .map(request -> groups.contains(request.getTeam())).orElse(groups.stream()
                            .anyMatch(List.of(STAFF_GROUPS)::contains)));
        };
    }

    /** Customers' pages: no login; the forms carry Spring Security's CSRF token (session-bound). */
    @Bean
    @Order(2)
    SecurityFilterChain customerPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/support", "/support/**", "/survey/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // Camunda's webapps authenticate and protect against CSRF themselves; /engine-rest is guarded below.
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addInitParameter("rest-url-pattern-prefix", "");
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
