package com.sladesk.process;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.sla.SlaMetric;

/** The process variables and elements that carry one metric: target, timer instants, timers and task. */
enum MetricVariables {
    FIRST_RESPONSE(Var.FIRST_RESPONSE_TARGET, Var.FIRST_RESPONSE_WARN_AT, Var.FIRST_RESPONSE_DUE_AT,
            Var.FIRST_RESPONSE_NEXT_LEVEL_AT, ServiceRequestProcess.TIMER_FIRST_RESPONSE_WARNING,
            ServiceRequestProcess.TIMER_FIRST_RESPONSE_BREACH, ServiceRequestProcess.TASK_RESPOND_TO_CUSTOMER),
    EXPERT_RESPONSE(Var.EXPERT_RESPONSE_TARGET, Var.EXPERT_RESPONSE_WARN_AT, Var.EXPERT_RESPONSE_DUE_AT,
            Var.EXPERT_RESPONSE_NEXT_LEVEL_AT, ServiceRequestProcess.TIMER_EXPERT_RESPONSE_WARNING,
            ServiceRequestProcess.TIMER_EXPERT_RESPONSE_BREACH, ServiceRequestProcess.TASK_EXPERT_DIAGNOSIS),
    RESOLUTION(Var.RESOLUTION_TARGET, Var.RESOLUTION_WARN_AT, Var.RESOLUTION_DUE_AT, Var.RESOLUTION_NEXT_LEVEL_AT,
            ServiceRequestProcess.TIMER_RESOLUTION_WARNING, ServiceRequestProcess.TIMER_RESOLUTION_BREACH,
            ServiceRequestProcess.TASK_RESOLVE_REQUEST),
    /** Waits in a receive task, not a user task: the outbox delivers the acknowledgement. */
    ACKNOWLEDGEMENT(Var.ACKNOWLEDGEMENT_TARGET, Var.ACKNOWLEDGEMENT_WARN_AT, Var.ACKNOWLEDGEMENT_DUE_AT,
            Var.ACKNOWLEDGEMENT_NEXT_LEVEL_AT, ServiceRequestProcess.TIMER_ACKNOWLEDGEMENT_WARNING,
            ServiceRequestProcess.TIMER_ACKNOWLEDGEMENT_BREACH, ServiceRequestProcess.TASK_AWAIT_ACKNOWLEDGEMENT,
            Duration.ofSeconds(30)),
    FOLLOW_UP(Var.FOLLOW_UP_TARGET, Var.FOLLOW_UP_WARN_AT, Var.FOLLOW_UP_DUE_AT, Var.FOLLOW_UP_NEXT_LEVEL_AT,
            ServiceRequestProcess.TIMER_FOLLOW_UP_WARNING, ServiceRequestProcess.TIMER_FOLLOW_UP_BREACH,
            ServiceRequestProcess.TASK_FOLLOW_UP, Duration.ofHours(24));

    final String target;
    final String warnAt;
    final String dueAt;
    final String nextLevelAt;
    final String warningTimer;
    final String breachTimer;
    final String task;
    /** The target when SlaTargets has no output for it (a table from before the metric); null: required. */
    final Duration defaultTarget;

    MetricVariables(String target, String warnAt, String dueAt, String nextLevelAt, String warningTimer,
            String breachTimer, String task) {
        this(target, warnAt, dueAt, nextLevelAt, warningTimer, breachTimer, task, null);
    }

    MetricVariables(String target, String warnAt, String dueAt, String nextLevelAt, String warningTimer,
            String breachTimer, String task, Duration defaultTarget) {
        this.target = target;
        this.warnAt = warnAt;
        this.dueAt = dueAt;
        this.nextLevelAt = nextLevelAt;
        this.warningTimer = warningTimer;
        this.breachTimer = breachTimer;
        this.task = task;
        this.defaultTarget = defaultTarget;
    }

    /** SlaTargets' answer for this metric as a duration; none gives the default, if the metric has one. */
    Duration target(Object decided) {
        if (decided == null && defaultTarget != null) {
            return defaultTarget;
        }
        try {
            return Duration.parse(String.valueOf(decided));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("SlaTargets gave " + target + " = '" + decided
                    + "', not an ISO-8601 duration such as PT15M", e);
        }
    }

    static MetricVariables of(SlaMetric metric) {
        return valueOf(metric.name());
    }
}
