package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.AgentReplies;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/**
 * Implements "Ask the customer, pause the clock" (Task_PauseResolutionClock): the question goes to the
 * customer, the RESOLUTION clock pauses, and the first reminder is due one reminder interval later.
 */
@Component
public class PauseResolutionClockDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final AgentReplies replies;
    private final SlaProperties properties;

    public PauseResolutionClockDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestStatuses statuses, AgentReplies replies, SlaProperties properties) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.replies = replies;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        String question = RequestVariables.of(execution).question();
        if (question == null || question.isBlank()) {
            question = RequestVariables.of(execution).resolution();
        }
        replies.send(request, Notification.Kind.QUESTION, "A question about your request",
                question == null ? "" : question, null, now);
        SlaClock clock = clocks.pause(request.getId(), SlaMetric.RESOLUTION, now);
        statuses.move(request, RequestStatus.WAITING_ON_CUSTOMER, now, request.getAgent());
        RequestVariables.of(execution).reminders(0, properties.maxReminders() > 0,
                clocks.calendarOf(clock).plus(now, properties.reminderInterval()));
    }
}
