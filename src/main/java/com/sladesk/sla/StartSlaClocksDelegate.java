package com.sladesk.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.Priority;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Start SLA clocks" (Task_StartSlaClocks): clocks from receivedAt, timer instants as variables. */
@Component
public class StartSlaClocksDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;

    public StartSlaClocksDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceRequest request = requests.of(execution);
        Priority priority = Priority.valueOf(ServiceRequestProcess.string(execution, Var.PRIORITY));
        String calendar = ServiceRequestProcess.string(execution, Var.CALENDAR);
        request.decided(priority, ServiceRequestProcess.string(execution, Var.TEAM),
                ServiceRequestProcess.string(execution, Var.EXPERT_TEAM),
                ServiceRequestProcess.string(execution, Var.ESCALATION_GROUP), calendar);
        statuses.opened(request);
        int warningPercent = warningPercent(execution);
        for (MetricVariables metric : new MetricVariables[] {MetricVariables.FIRST_RESPONSE,
                MetricVariables.RESOLUTION}) {
            SlaClock clock = clocks.start(request.getId(), SlaMetric.valueOf(metric.name()),
                    target(execution, metric.target), warningPercent, calendar, request.getReceivedAt());
            metric.publish(execution, clock);
        }
        execution.setVariable(Var.TASK_PRIORITY, priority.taskPriority());
    }

    static int warningPercent(DelegateExecution execution) {
        return ((Number) execution.getVariable(Var.WARNING_PERCENT)).intValue();
    }

    static Duration target(DelegateExecution execution, String variable) {
        String value = ServiceRequestProcess.string(execution, variable);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("SlaTargets gave " + variable + " = '" + value
                    + "', not an ISO-8601 duration such as PT15M", e);
        }
    }
}
