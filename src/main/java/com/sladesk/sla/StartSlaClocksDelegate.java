package com.sladesk.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.Priority;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Start SLA clocks" (Task_StartSlaClocks): clocks from receivedAt, timer instants as variables. */
@Component
public class StartSlaClocksDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;

    public StartSlaClocksDelegate(SlaClocks clocks, ServiceRequestRepository requests) {
        this.clocks = clocks;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ServiceRequest request = requests.findById(ServiceRequestProcess.requestId(execution)).orElseThrow();
        Priority priority = Priority.valueOf(ServiceRequestProcess.string(execution, Var.PRIORITY));
        request.decided(priority, ServiceRequestProcess.string(execution, Var.TEAM),
                ServiceRequestProcess.string(execution, Var.EXPERT_TEAM),
                ServiceRequestProcess.string(execution, Var.ESCALATION_GROUP));
        int warningPercent = ((Number) execution.getVariable(Var.WARNING_PERCENT)).intValue();
        String calendar = ServiceRequestProcess.string(execution, Var.CALENDAR);

        SlaClock firstResponse = clocks.start(request.getId(), SlaMetric.FIRST_RESPONSE,
                target(execution, Var.FIRST_RESPONSE_TARGET), warningPercent, calendar, request.getReceivedAt());
        SlaClock resolution = clocks.start(request.getId(), SlaMetric.RESOLUTION,
                target(execution, Var.RESOLUTION_TARGET), warningPercent, calendar, request.getReceivedAt());

        execution.setVariable(Var.FIRST_RESPONSE_WARN_AT, Date.from(firstResponse.getWarnAt()));
        execution.setVariable(Var.FIRST_RESPONSE_DUE_AT, Date.from(firstResponse.getDueAt()));
        execution.setVariable(Var.RESOLUTION_WARN_AT, Date.from(resolution.getWarnAt()));
        execution.setVariable(Var.RESOLUTION_DUE_AT, Date.from(resolution.getDueAt()));
        execution.setVariable(Var.TASK_PRIORITY, priority.taskPriority());
    }

    private static Duration target(DelegateExecution execution, String variable) {
        String value = ServiceRequestProcess.string(execution, variable);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("SlaTargets gave " + variable + " = '" + value
                    + "', not an ISO-8601 duration such as PT15M", e);
        }
    }
}
