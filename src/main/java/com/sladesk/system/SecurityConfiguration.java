package com.sladesk.system;

import static org.springframework.security.config.Customizer.withDefaults;


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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.sladesk.request.CustomerProxies;

/**
 * Our API, actuator and managers' pages: HTTP basic against Camunda's users, groups as authorities, or for
 * reading, the session of the Camunda webapps' login (managers' pages send a browser without one there).
 * The engine REST API: Camunda's own basic-auth filter, so engine authorizations apply to the caller.
 * Customers' pages (web form, survey): open, with CSRF protection.
 * The webapps (Cockpit, Tasklist, Admin) keep their own session login and CSRF protection.
 */
@Configuration
public class SecurityConfiguration {

    static final String[] INTAKE_GROUPS = {Groups.INTEGRATIONS, Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.ADMIN};
    static final String[] RECLASSIFY_GROUPS = {Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.TEAM_LEADS,
            Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.ADMIN};
    /** What-if simulations of a SlaTargets table (they change nothing): designers too. */
    static final String[] SIMULATION_GROUPS = {Groups.PROCESS_DESIGNERS, Groups.SERVICE_MANAGERS,
            Groups.SERVICE_DIRECTORS, Groups.ADMIN};
    static final String[] REPORT_GROUPS = {Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.ADMIN};
    /** The webapps' login page, shared by Tasklist, Cockpit, Admin and our manager pages. */
    static final String STAFF_LOGIN = "/camunda/app/welcome/default/";

    /** Our pages load scripts, styles and data from us only, and run no inline script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    static final String[] STAFF_GROUPS = {Groups.SERVICE_DESK, Groups.TECH_SUPPORT, Groups.EXPERTS, Groups.TEAM_LEADS,
            Groups.SERVICE_MANAGERS, Groups.SERVICE_DIRECTORS, Groups.INTEGRATIONS, Groups.ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CustomerProxies proxies) throws Exception {
        // confirming and reopening are the customer's answers (CustomerProxiesByGroup)
        AuthorizationManager<RequestAuthorizationContext> actingForTheCustomer = (user, context) ->
                new AuthorizationDecision(proxies.mayActFor(user.get(), context.getVariables().get("key")));
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
                        .requestMatchers("/api/simulations", "/api/simulations/**", "/manager/simulate",
                                "/manager/simulate.js", "/manager/manager.css")
                        .hasAnyAuthority(SIMULATION_GROUPS)
                        .requestMatchers("/api/requests/*/history", "/api/requests/*/history/*",
                                "/api/requests/*/diagram", "/api/reports/**", "/manager/**")
                        .hasAnyAuthority(REPORT_GROUPS)
                        .requestMatchers("/api/**").hasAnyAuthority(STAFF_GROUPS)
                        .anyRequest().hasAuthority(Groups.ADMIN))
                .httpBasic(withDefaults())
                // one staff login: the webapps' session counts on our pages; a browser without it goes to that login
                .addFilterBefore(new CamundaSessionLogin(), BasicAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(STAFF_LOGIN), PathPatternRequestMatcher.withDefaults()
                                .matcher("/manager/**")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // the webapps own the session; changing its id here would log out the page's other requests
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // stateless basic auth: no cookie, so no cross-site request to forge
                .csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /** Customers' pages: no login; the forms carry Spring Security's CSRF token (session-bound). */
    @Bean
    @Order(2)
    SecurityFilterChain customerPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/support", "/support/**", "/survey/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
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
