package com.sladesk.system;

import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.jobexecutor.BackoffJobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.engine.impl.jobexecutor.JobAcquisitionStrategy;
import org.camunda.bpm.engine.impl.jobexecutor.SequentialJobAcquisitionRunnable;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;

/**
 * Camunda's Spring job executor, made to share the timers between nodes. Timers fall due in bursts (MySQL
 * stores their instants to the second), and whichever node polls first after a burst takes all of it, so:
 * each idle wait is drawn anew between half and all of its length (Camunda's is fixed, so one node would
 * stay ahead), and a node does not wake its own acquisition each time it finishes a batch (it would poll
 * again at once and take every timer while busy). A hint that a new job is due (written by this node) still
 * wakes the acquisition; a full batch still makes it poll again at once.
 */
class FairJobExecutor extends SpringJobExecutor {

    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** A job executor with the settings of {@code configured} (Spring Boot's, from camunda.bpm.job-execution). */
    static FairJobExecutor like(SpringJobExecutor configured) {
        FairJobExecutor fair = new FairJobExecutor();
        fair.setTaskExecutor(configured.getTaskExecutor());
        fair.setRejectedJobsHandler(configured.getRejectedJobsHandler());
        fair.setAutoActivate(configured.isAutoActivate());
        fair.setLockTimeInMillis(configured.getLockTimeInMillis());
        fair.setMaxJobsPerAcquisition(configured.getMaxJobsPerAcquisition());
        fair.setWaitTimeInMillis(configured.getWaitTimeInMillis());
        fair.setMaxWait(configured.getMaxWait());
        fair.setWaitIncreaseFactor(configured.getWaitIncreaseFactor());
        fair.setBackoffTimeInMillis(configured.getBackoffTimeInMillis());
        fair.setMaxBackoff(configured.getMaxBackoff());
        fair.setBackoffDecreaseThreshold(configured.getBackoffDecreaseThreshold());
        fair.setLockOwner(configured.getLockOwner());
        return fair;
    }

    @Override
    protected void ensureInitialization() {
        super.ensureInitialization();
        acquireJobsRunnable = new SequentialJobAcquisitionRunnable(this) {
            @Override
            protected JobAcquisitionStrategy initializeAcquisitionStrategy() {
                return new BackoffJobAcquisitionStrategy(jobExecutor) {
                    @Override
                    public long getWaitTime() {
                        long wait = super.getWaitTime();
                        return wait <= 1 ? wait : ThreadLocalRandom.current().nextLong(wait / 2, wait + 1);
                    }
                };
            }
        };
    }

    @Override
    public void jobWasAdded() {
        boolean batchDone = STACK.walk(frames -> frames.skip(1).limit(3)
                .anyMatch(frame -> ExecuteJobsRunnable.class.isAssignableFrom(frame.getDeclaringClass())));
        if (!batchDone) {
            super.jobWasAdded();
        }
    }
}
