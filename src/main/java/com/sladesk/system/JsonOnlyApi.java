package com.sladesk.system;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A state-changing call of our API carries JSON or no body, and never comes from a page of another site. A
 * browser on another site can send only forms, text/plain or bodiless calls (no-cors fetch, sendBeacon) without
 * asking first, and it names their origin: refused, so a logged-in browser cannot be made to change a request.
 * The path is read decoded, as the dispatcher reads it ({@code /%61pi/...} is {@code /api/...}).
 */
class JsonOnlyApi extends OncePerRequestFilter {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/") || READING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherSite(request)) {
            Problems.write(response, HttpStatus.FORBIDDEN, "Cross-site request",
                    "The API does not take changes from a page of another site");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !isJson(contentType) && !simulationUpload(request, contentType)) {
            Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Send the body as application/json (Content-Type was '" + contentType + "')");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A what-if simulation takes its candidate DMN as a multipart upload; it changes nothing, so a form has
     * nothing to forge there (and a page of another site is refused above all the same).
     */
    private static boolean simulationUpload(HttpServletRequest request, String contentType) {
        return "POST".equals(request.getMethod()) && path(request).equals(BodyLimits.SIMULATION)
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return from.getAuthority() == null || !from.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype()
                    && (MediaType.APPLICATION_JSON.includes(type) || type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
