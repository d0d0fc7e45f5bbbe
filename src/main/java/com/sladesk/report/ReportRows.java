package com.sladesk.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.sladesk.request.RequestChanged;
import com.sladesk.request.RequestReceived;
import com.sladesk.request.RequestStatusChanged;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClockChanged;
import com.sladesk.sla.SlaClockRepository;
import com.sladesk.sla.SlaMetric;

/**
 * Keeps the {@code request_report} row of every request that a transaction changed (its status, or one of its
 * clocks) equal to the request and its clocks, written just before that transaction commits: reports never
 * see a row that disagrees with a committed request.
 */
@Component
class ReportRows {

    /** Column prefixes of the clocks in request_report. */
    private static final Map<SlaMetric, String> PREFIXES = orderedPrefixes();

    private final ServiceRequestRepository requests;
    private final SlaClockRepository clocks;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    ReportRows(ServiceRequestRepository requests, SlaClockRepository clocks, JdbcTemplate jdbc,
            EntityManager entityManager) {
        this.requests = requests;
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    @EventListener
    void on(RequestStatusChanged change) {
        changed(change.requestId());
    }

    @EventListener
    void on(SlaClockChanged change) {
        changed(change.requestId());
    }

    @EventListener
    void on(RequestChanged change) {
        changed(change.requestId());
    }

    /** A request taken in by this transaction has no row yet: its row is inserted without trying an update first. */
    @EventListener
    void on(RequestReceived received) {
        Long id = received.request().getId();
        if (id != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().created().add(id);
        }
    }

    private void changed(long requestId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(requestId, false);
            return;
        }
        pending().ids().add(requestId);
    }

    /** The requests this transaction changed and those it took in, written just before it commits. */
    private record Pending(Set<Long> ids, Set<Long> created) {
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending touched = new Pending(new LinkedHashSet<>(), new HashSet<>());
            TransactionSynchronizationManager.bindResource(this, touched);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    touched.ids().forEach(id -> write(id, touched.created().contains(id)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReportRows.this);
                }
            });
            pending = touched;
        }
        return pending;
    }

    /**
     * Updates the request's row, or inserts it in the transaction that created the request ({@code created}: at
     * once, for no row can exist yet).
     */
    void write(long requestId, boolean created) {
        ServiceRequest request = requests.findById(requestId).orElse(null);
        if (request == null) {
            return;
        }
        // two transactions that rewrite the same row conflict on the request's version; one of them is retried
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Map<SlaMetric, SlaClock> byMetric = clocks.findByRequestIdOrderByIdAsc(requestId).stream()
                .collect(Collectors.toMap(SlaClock::getMetric, Function.identity()));
        Map<String, Object> columns = columns(request, byMetric);
        List<Object> values = new ArrayList<>(columns.values());
        values.add(requestId);
        if (created) {
            try {
                insert(columns, values, request);
                return;
            } catch (DuplicateKeyException there) {
                // not possible for a request this transaction took in, unless the table kept a row of an old one
            }
        }
        // each rewrite adds one to the row's revision: reports re-read a month whose rows changed (ReportSegments)
        int updated = jdbc.update("update request_report set " + columns.keySet().stream().map(c -> c + " = ?")
                .collect(Collectors.joining(", ")) + ", revision = revision + 1 where request_id = ?",
                values.toArray());
        if (updated == 0) {
            insert(columns, values, request);
        }
    }

    private void insert(Map<String, Object> columns, List<Object> values, ServiceRequest request) {
        List<Object> row = new ArrayList<>(values);
        row.add(Utc.of(request.getReceivedAt()));
        jdbc.update("insert into request_report (" + String.join(", ", columns.keySet())
                + ", request_id, received_at) values (" + "?, ".repeat(columns.size() + 1) + "?)", row.toArray());
    }

    /** The row's columns but its key and arrival: the request's dimensions and each clock's outcome. */
    private static Map<String, Object> columns(ServiceRequest request, Map<SlaMetric, SlaClock> clocks) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("channel", request.getChannel().name());
        columns.put("category", request.getCategory().name());
        columns.put("team", request.getTeam());
        columns.put("customer_tier", request.getCustomerTier() == null ? null : request.getCustomerTier().name());
        columns.put("priority", request.getPriority() == null ? null : request.getPriority().name());
        columns.put("responder", request.getResponder());
        columns.put("status", request.getStatus().name());
        columns.put("breached", request.isBreached());
        PREFIXES.forEach((metric, prefix) -> {
            SlaClock clock = clocks.get(metric);
            columns.put(prefix + "_state", clock == null ? null : clock.getState().name());
            columns.put(prefix + "_breached", clock != null && clock.isEverBreached());
            columns.put(prefix + "_seconds", clock == null ? null : clock.getElapsedSeconds());
            columns.put(prefix + "_level", clock == null ? 0 : clock.getEscalationLevel());
        });
        return columns;
    }

    private static Map<SlaMetric, String> orderedPrefixes() {
        Map<SlaMetric, String> prefixes = new LinkedHashMap<>();
        prefixes.put(SlaMetric.FIRST_RESPONSE, "frt");
        prefixes.put(SlaMetric.EXPERT_RESPONSE, "ert");
        prefixes.put(SlaMetric.RESOLUTION, "ttr");
        prefixes.put(SlaMetric.ACKNOWLEDGEMENT, "ack");
        prefixes.put(SlaMetric.FOLLOW_UP, "fu");
        return prefixes;
    }
}
