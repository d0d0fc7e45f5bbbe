package com.sladesk.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A call that fails because the database is out of reach (no connection within the pool's timeout, a connection
 * broken or silent past the driver's socket timeout) answers 503 application/problem+json with Retry-After,
 * within seconds, wherever it failed: the password check, the engine, our repositories. Nothing was written
 * (its transaction did not commit), so the client retries; intake with the same externalId stays one request.
 */
class DatabaseUnavailable extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            answer(request, response, e);
        }
    }

    /** 503 problem+json with Retry-After; also for an outage found out inside a controller (ApiExceptionHandler). */
    static void answer(HttpServletRequest request, HttpServletResponse response, Throwable outage) throws IOException {
        log.warn("{} {} answered 503, the database is out of reach: {}", request.getMethod(),
                request.getRequestURI(), rootMessage(outage));
        response.reset();
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The desk cannot reach its database at the moment; what you sent may not have been saved. "
                        + "Retry in a few seconds (intake with the same externalId is safe to retry)");
    }

    /** Whether {@code failure} or one of its causes says the database could not be reached. */
    static boolean isOutage(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof SocketTimeoutException
                    || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    // a transaction that can neither commit nor roll back lost its connection
                    || t instanceof TransactionSystemException || t instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (root.getCause() != null && seen.put(root, true) == null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
