package com.sladesk.system;

import java.sql.SQLException;
import java.util.Set;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An agent's claim, completion or form submission (Tasklist, /engine-rest) that lost a race against another
 * change of the same request (the acknowledgement delivered a second earlier, a timer, a second node) is run again
 * in a fresh transaction, up to {@value #ATTEMPTS} times, instead of answering 500: the work is the agent's and
 * stays valid, only the moment collided. A race is a stale row (optimistic locking, the engine's or ours), a lock
 * the other transaction held too long, or a deadlock the database broke. Outermost of the engine's interceptors, and only when no transaction
 * of the caller is open (the whole command is rolled back before it runs again).
 */
class RetryConflictingTaskCommands extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RetryConflictingTaskCommands.class);
    private static final int ATTEMPTS = 3;
    private static final Set<Class<?>> TASK_WORK = Set.of(ClaimTaskCmd.class, CompleteTaskCmd.class,
            SubmitTaskFormCmd.class);

    @Override
    public <T> T execute(Command<T> command) {
        if (!TASK_WORK.contains(command.getClass()) || TransactionSynchronizationManager.isActualTransactionActive()) {
            return next.execute(command);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return next.execute(command);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isRace(e)) {
                    throw e;
                }
                log.debug("{} collided with another change (attempt {}), running it again: {}",
                        command.getClass().getSimpleName(), attempt, e.toString());
            }
        }
    }

    static boolean isRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00")
                            || sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213)) {
                // a deadlock or serialization failure (40xxx), H2's and MySQL's lock wait timeouts
                return true;
            }
        }
        return false;
    }
}
