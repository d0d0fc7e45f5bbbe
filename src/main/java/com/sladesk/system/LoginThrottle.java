package com.sladesk.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Throttles failed logins per client address, in front of every login (HTTP basic on our API and
 * /engine-rest, the webapps' login form): after {@code maxFailures} answers 401 within {@code window}, the
 * address gets 429 with Retry-After until the window ends, before any password is checked. Camunda's own
 * lock per user is off (application.yaml), so strangers can slow only themselves, never lock a user out.
 * The count lives in each node's memory: a node restarts with a clean slate, and two nodes allow twice as
 * many tries, which still keeps guessing slow.
 */
class LoginThrottle extends OncePerRequestFilter {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLogin(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Instant now = clock.instant();
        Failures recent = failures.get(address);
        if (recent != null && recent.blocks(now, maxFailures)) {
            long seconds = Math.max(1, Duration.between(now, recent.until()).toSeconds());
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "Too many failed logins from your address; try again in " + seconds + " seconds");
            return;
        }
        chain.doFilter(request, response);
        if (failedLogin(request, response)) {
            forgetExpired(now);
            failures.merge(address, new Failures(1, now.plus(window)),
                    (old, one) -> old.until().isAfter(now) ? new Failures(old.count() + 1, old.until()) : one);
        }
    }

    private static boolean isLogin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        // any credentials count, however spelt ("Basic:", a tab, lower case): the server decides what they are
        return authorization != null
                || "POST".equals(request.getMethod()) && JsonOnlyApi.path(request).startsWith(WEBAPP_LOGIN)
                        && JsonOnlyApi.path(request).contains("/login/");
    }

    /** A 401 of a login form, or one that asks for credentials again (not, say, a webhook's bad signature). */
    private static boolean failedLogin(HttpServletRequest request, HttpServletResponse response) {
        return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED
                && (response.getHeader("WWW-Authenticate") != null || !JsonOnlyApi.path(request).startsWith("/api/")
                        && !JsonOnlyApi.path(request).startsWith("/engine-rest/"));
    }

    private void forgetExpired(Instant now) {
        if (failures.size() > 10_000) {
            failures.values().removeIf(f -> !f.until().isAfter(now));
        }
    }

    /** Failed logins from one address in the window that ends at {@code until}. */
    private record Failures(int count, Instant until) {

        boolean blocks(Instant now, int max) {
            return count >= max && until.isAfter(now);
        }
    }
}
