package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.request.ServiceRequest;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * Closes the loop with the customer: stops a running FOLLOW_UP clock, saying how, and sets the variable the
 * follow-up stage's conditional event listens to, so its task leaves Tasklist. Used by the confirmation, the
 * follow-up task, a reopening, and the survey (from outside the process).
 */
@Component
class FollowUps {

    private final SlaClocks clocks;
    private final RuntimeService runtimeService;

    FollowUps(SlaClocks clocks, RuntimeService runtimeService) {
        this.clocks = clocks;
        this.runtimeService = runtimeService;
    }

    /**
     * Inside the request's process: false when the clock was not running. {@code variables} null: the follow-up
     * stage itself closed the loop (its task done) and ends by itself.
     */
    boolean closeLoop(ServiceRequest request, RequestVariables variables, String how, Instant now) {
        if (!clocks.isCounting(request.getId(), SlaMetric.FOLLOW_UP)) {
            return false;
        }
        clocks.stop(request.getId(), SlaMetric.FOLLOW_UP, now, how);
        if (variables != null) {
            variables.loopClosed(how);
        }
        return true;
    }

    /** From outside the process (the survey answered); nothing when the clock was not running. */
    @Transactional
    void closeLoop(ServiceRequest request, String how, Instant now) {
        String instance = request.getProcessInstanceId();
        if (closeLoop(request, null, how, now)
                && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
            // the instance's follow-up stage ends on the variable (its conditional event reads the clock)
            runtimeService.setVariable(instance, ServiceRequestProcess.Var.LOOP_CLOSED_BY, how);
        }
    }
}
