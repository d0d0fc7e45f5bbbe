package com.sladesk.report;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.sladesk.request.RequestChanged;
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

    private void changed(long requestId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(requestId);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<Long> ids = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    ids.forEach(ReportRows.this::write);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReportRows.this);
                }
            });
            pending = ids;
        }
        pending.add(requestId);
    }

    /** Updates the request's row, or inserts it in the transaction that created the request. */
    void write(long requestId) {
        ServiceRequest request = requests.findById(requestId).orElse(null);
        if (request == null) {
            return;
        }
        // two transactions that rewrite the same row conflict on the request's version; one of them is retried
        entityManager.lock(request, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Map<SlaMetric, SlaClock> byMetric = clocks.findByRequestIdOrderByIdAsc(requestId).stream()
                .collect(Collectors.toMap(SlaClock::getMetric, Function.identity()));
        Object[] values = values(request, byMetric);
        int updated = jdbc.update("update request_report set channel = ?, category = ?, team = ?, customer_tier = ?,"
                + " priority = ?, responder = ?, status = ?, breached = ?, frt_state = ?, frt_breached = ?,"
                + " frt_seconds = ?, frt_level = ?, ert_state = ?, ert_breached = ?, ert_seconds = ?, ert_level = ?,"
                + " ttr_state = ?, ttr_breached = ?, ttr_seconds = ?, ttr_level = ? where request_id = ?",
                append(values, requestId));
        if (updated == 0) {
            jdbc.update("insert into request_report (channel, category, team, customer_tier, priority, responder,"
                    + " status, breached, frt_state, frt_breached, frt_seconds, frt_level, ert_state, ert_breached,"
                    + " ert_seconds, ert_level, ttr_state, ttr_breached, ttr_seconds, ttr_level, request_id,"
                    + " received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    append(append(values, requestId), Utc.of(request.getReceivedAt())));
        }
    }

    private static Object[] values(ServiceRequest request, Map<SlaMetric, SlaClock> clocks) {
        Object[] values = new Object[8 + 3 * 4];
        values[0] = request.getChannel().name();
        values[1] = request.getCategory().name();
        values[2] = request.getTeam();
        values[3] = request.getCustomerTier() == null ? null : request.getCustomerTier().name();
        values[4] = request.getPriority() == null ? null : request.getPriority().name();
        values[5] = request.getResponder();
        values[6] = request.getStatus().name();
        values[7] = request.isBreached();
        int i = 8;
        for (SlaMetric metric : new SlaMetric[] {SlaMetric.FIRST_RESPONSE, SlaMetric.EXPERT_RESPONSE,
                SlaMetric.RESOLUTION}) {
            SlaClock clock = clocks.get(metric);
            values[i++] = clock == null ? null : clock.getState().name();
            values[i++] = clock != null && clock.isEverBreached();
            values[i++] = clock == null ? null : clock.getElapsedSeconds();
            values[i++] = clock == null ? 0 : clock.getEscalationLevel();
        }
        return values;
    }

    private static Object[] append(Object[] values, Object value) {
        Object[] longer = java.util.Arrays.copyOf(values, values.length + 1);
        longer[values.length] = value;
        return longer;
    }
}
