package com.sladesk.system;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Staff who logged into Tasklist, Cockpit or Admin are logged in on our pages too: a reading request
 * (GET, HEAD, and the what-if simulation's POST, which changes nothing) carrying the webapps' session counts as
 * its user, with the user's Camunda groups. Changes still need HTTP basic (machines), so no page on another
 * site can make a logged-in browser change anything.
 */
class CamundaSessionLogin extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD");
    private static final String ENGINE = "default";

    /** A what-if simulation is posted (it carries a file) but reads only: the page runs it with the session. */
    private static boolean simulating(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && JsonOnlyApi.path(request).equals(BodyLimits.SIMULATION);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && (READING.contains(request.getMethod()) || simulating(request))
                && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
            if (logins != null && logins.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication user) {
                List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
                        : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
            }
        }
        chain.doFilter(request, response);
    }
}
