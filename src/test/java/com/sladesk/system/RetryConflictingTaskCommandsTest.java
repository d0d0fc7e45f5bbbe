package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A task command that lost a race runs again; others, and commands inside a caller's transaction, do not. The
 * next interceptor fails as the engine does when another transaction changed the same request first.
 */
class RetryConflictingTaskCommandsTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aCompletionThatConflictedOnceRunsAgainAndSucceeds() {
        RetryConflictingTaskCommands retry = interceptor(1);

        Object result = retry.execute(new CompleteTaskCmd("task-1", Map.of()));

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aClaimThatKeepsConflictingFailsAfterThreeRuns() {
        RetryConflictingTaskCommands retry = interceptor(Integer.MAX_VALUE);

        assertThatThrownBy(() -> retry.execute(new ClaimTaskCmd("task-1", "agent.wang")))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(runs).hasValue(3);
    }

    @Test
    void otherCommandsAreNotRunAgain() {
        RetryConflictingTaskCommands retry = interceptor(1);

        assertThatThrownBy(() -> retry.execute(new GetTaskVariableCmd("task-1", "reply", false)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aCommandInsideTheCallersTransactionIsNotRunAgain() {
        RetryConflictingTaskCommands retry = interceptor(1);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> retry.execute(new CompleteTaskCmd("task-1", Map.of())))
                    .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void theEnginesOwnConflictRunsAgainToo() {
        RetryConflictingTaskCommands retry = new RetryConflictingTaskCommands();
        retry.setNext(new CommandExecutor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                if (runs.incrementAndGet() == 1) {
                    throw new OptimisticLockingException("ACT_RU_EXECUTION was updated by another transaction");
                }
                return (T) "done";
            }
        });

        Object result = retry.execute(new CompleteTaskCmd("task-1", Map.of()));

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    @Test
    void aLockTheOtherTransactionHeldTooLongIsARaceTooButAMistakeIsNot() {
        assertThat(RetryConflictingTaskCommands.isRace(new CannotAcquireLockException(
                "update request_report", new SQLException("Timeout trying to lock table", "HYT00", 50200))))
                .isTrue();
        assertThat(RetryConflictingTaskCommands.isRace(new ProcessEngineException(
                "batch", new SQLException("Deadlock found", "40001", 1213)))).isTrue();
        assertThat(RetryConflictingTaskCommands.isRace(new IllegalStateException("no such task"))).isFalse();
    }

    /** Fails the first {@code conflicts} runs as a stale request row does at commit, then answers "done". */
    private RetryConflictingTaskCommands interceptor(int conflicts) {
        RetryConflictingTaskCommands retry = new RetryConflictingTaskCommands();
        retry.setNext(new CommandExecutor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                if (runs.incrementAndGet() <= conflicts) {
                    throw new ObjectOptimisticLockingFailureException("com.sladesk.request.ServiceRequest", 6L);
                }
                return (T) "done";
            }
        });
        return retry;
    }
}
