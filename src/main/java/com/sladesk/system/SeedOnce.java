package com.sladesk.system;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a seeding step once per database: the step and its marker row commit together, and a second node
 * starting at the same time fails on the marker's primary key instead of seeding twice.
 */
@Component
class SeedOnce {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SeedOnce(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Returns true when this call did the seeding. */
    boolean run(String name, Runnable step) {
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("insert into seed_marker (name, applied_at) values (?, ?)", name,
                        Timestamp.from(Instant.now()));
                step.run();
            });
            return true;
        } catch (DuplicateKeyException alreadySeeded) {
            return false;
        }
    }
}
