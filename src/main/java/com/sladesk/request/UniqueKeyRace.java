package com.sladesk.request;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Idempotent creation under a unique key, also with two nodes: look for what is already there, else create; if
 * another caller created it at the same moment (the unique key refuses ours, or the database ends the
 * transaction as a deadlock victim), look again, a few times.
 */
public final class UniqueKeyRace {

    static final int ATTEMPTS = 3;

    private UniqueKeyRace() {
    }

    /** {@code existing} if it finds something, else what {@code create} made; retried after a lost race. */
    public static <T> T existingOrCreated(Supplier<Optional<T>> existing, Supplier<T> create) {
        for (int attempt = 1; ; attempt++) {
            Optional<T> found = existing.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                return create.get();
            } catch (DataIntegrityViolationException | PessimisticLockingFailureException race) {
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }
}
