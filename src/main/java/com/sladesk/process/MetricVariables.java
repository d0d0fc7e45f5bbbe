package com.sladesk.process;

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
            ServiceRequestProcess.TASK_RESOLVE_REQUEST);

    final String target;
    final String warnAt;
    final String dueAt;
    final String nextLevelAt;
    final String warningTimer;
    final String breachTimer;
    final String task;

    MetricVariables(String target, String warnAt, String dueAt, String nextLevelAt, String warningTimer,
            String breachTimer, String task) {
        this.target = target;
        this.warnAt = warnAt;
        this.dueAt = dueAt;
        this.nextLevelAt = nextLevelAt;
        this.warningTimer = warningTimer;
        this.breachTimer = breachTimer;
        this.task = task;
    }

    static MetricVariables of(SlaMetric metric) {
        return valueOf(metric.name());
    }
}
