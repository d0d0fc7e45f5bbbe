package com.sladesk.sla;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.hibernate.Session;

/**
 * A process reads a request's clocks many times in one transaction (task dates, timer instants, conditions): the
 * natural id (request, metric) finds a clock the transaction holds without a query, and without flushing first.
 */
class SlaClockByNaturalIdImpl implements SlaClockByNaturalId {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public Optional<SlaClock> clockOf(long requestId, SlaMetric metric) {
        return entityManager.unwrap(Session.class).byNaturalId(SlaClock.class).using("requestId", requestId)
                .using("metric", metric).loadOptional();
    }
}
