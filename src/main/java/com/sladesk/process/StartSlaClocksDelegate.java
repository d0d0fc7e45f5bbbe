package com.sladesk.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.request.Priority;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.TwentyFourSevenCalendar;

/**
 * Implements "Start SLA clocks" (Task_StartSlaClocks): FIRST_RESPONSE, RESOLUTION and ACKNOWLEDGEMENT from
 * receivedAt, the first two's timer instants as variables.
 */
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
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        RequestVariables variables = RequestVariables.of(execution);
        Priority priority = variables.priority();
        request.decided(priority, variables.team(), variables.expertTeam(), variables.escalationGroup(),
                variables.calendar());
        statuses.opened(request);
        for (SlaMetric metric : new SlaMetric[] {SlaMetric.FIRST_RESPONSE, SlaMetric.RESOLUTION}) {
            SlaClock clock = clocks.start(request.getId(), metric, variables.target(metric),
                    variables.warningPercent(), variables.calendar(), request.getReceivedAt());
            variables.publish(metric, clock);
        }
        // machines send the acknowledgement, day and night: its clock runs on the 24x7 calendar
        if (ServiceRequestProcess.hasStage(execution, ServiceRequestProcess.STAGE_ACKNOWLEDGEMENT)) {
            clocks.start(request.getId(), SlaMetric.ACKNOWLEDGEMENT, variables.target(SlaMetric.ACKNOWLEDGEMENT),
                    variables.warningPercent(), TwentyFourSevenCalendar.ID, request.getReceivedAt());
        }
        variables.taskPriority(priority);
    }
}
