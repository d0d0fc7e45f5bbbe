package com.sladesk.suggest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatusChanged;
import com.sladesk.request.ServiceRequest;

/**
 * Keeps this node's {@link SolutionIndex} current: rebuilt from the database once the node has started (a request
 * resolved again counts once, with its latest resolution), and a request added as soon as its resolution commits.
 * A resolution is the message the agent sent the customer at the instant the request became RESOLVED; internal
 * notes and expert diagnoses are never read.
 */
@Component
public class Suggestions {

    private static final Logger log = LoggerFactory.getLogger(Suggestions.class);
    private static final String RESOLVED = """
            select r.request_key, r.subject, r.description, r.category, r.product, m.body, s.started_at
            from status_interval s
            join service_request r on r.id = s.request_id
            join request_message m on m.request_id = s.request_id and m.created_at = s.started_at
            where s.status = 'RESOLVED' and m.author = 'AGENT' and m.internal = false""";

    private final JdbcTemplate jdbc;
    private final SolutionIndex index = new SolutionIndex();

    Suggestions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The three resolved requests most like a new one, as the Respond to customer form shows them (read-only):
     * each with its key, when it was resolved and the resolution sent to its customer, to copy what fits.
     */
    public String forTheForm(ServiceRequest request) {
        List<SolutionIndex.Suggestion> top = like(request, 3);
        if (top.isEmpty()) {
            return "No resolved request like this one yet.";
        }
        StringBuilder text = new StringBuilder();
        for (SolutionIndex.Suggestion suggestion : top) {
            String resolution = suggestion.resolution().length() > FORM_RESOLUTION
                    ? suggestion.resolution().substring(0, FORM_RESOLUTION) + "…" : suggestion.resolution();
            text.append(text.isEmpty() ? "" : "\n\n").append(suggestion.key()).append(", resolved ")
                    .append(suggestion.resolvedAt().toString(), 0, 10).append(":\n").append(resolution);
        }
        return text.toString();
    }

    /** The characters of each resolution on the form: three fit in a text variable (4,000). */
    private static final int FORM_RESOLUTION = 1_200;

    /** The resolved requests most like the given one, best first. */
    public List<SolutionIndex.Suggestion> like(ServiceRequest request, int limit) {
        return index.like(request.getRequestKey(), request.getSubject(), request.getDescription(),
                request.getCategory().name(), request.getProduct(), limit);
    }

    /** Rebuilds the index beside the started node (a large history takes a while; new resolutions go in too). */
    @EventListener(ApplicationReadyEvent.class)
    void rebuildOnceStarted() {
        Thread rebuilding = new Thread(this::rebuild, "suggestions-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
    }

    void rebuild() {
        try {
            readAll();
        } catch (RuntimeException e) {
            log.warn("Suggestions: the index could not be rebuilt now: {}", e.toString());
        }
    }

    private void readAll() {
        long started = System.nanoTime();
        int[] read = {0};
        jdbc.query(RESOLVED + " order by s.started_at", (ResultSet rs) -> {
            index.add(solved(rs));
            read[0]++;
        });
        index.refresh();
        log.info("Suggestions: {} resolutions of {} requests indexed in {} ms", read[0], index.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @TransactionalEventListener
    void on(RequestStatusChanged changed) {
        if (changed.to() != RequestStatus.RESOLVED) {
            return;
        }
        try {
            jdbc.query(RESOLVED + " and s.request_id = ? and s.started_at = ?", (ResultSet rs) -> {
                index.add(solved(rs));
            }, changed.requestId(), changed.at().atOffset(ZoneOffset.UTC));
            index.refresh();
        } catch (RuntimeException e) {
            // the resolution is committed; the node's next rebuild indexes it
            log.warn("Suggestions: request {} not indexed now: {}", changed.requestId(), e.toString());
        }
    }

    private static SolutionIndex.Solved solved(ResultSet rs) throws SQLException {
        // read as Hibernate writes an Instant: an OffsetDateTime at UTC, whatever the JVM's zone
        Instant at = rs.getObject(7, OffsetDateTime.class).toInstant();
        return new SolutionIndex.Solved(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), at);
    }
}
