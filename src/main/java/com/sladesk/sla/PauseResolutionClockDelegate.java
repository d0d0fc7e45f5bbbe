package com.sladesk.sla;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/**
 * Implements "Ask the customer, pause the clock" (Task_PauseResolutionClock): the question goes to the
 * customer, the RESOLUTION clock pauses, and the first reminder is due one reminder interval later.
 */
@Component
public class PauseResolutionClockDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestStatuses statuses;
    private final Outbox outbox;
    private final SlaProperties properties;

    public PauseResolutionClockDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestMessageRepository messages, RequestStatuses statuses, Outbox outbox, SlaProperties properties) {
        this.clocks = clocks;
        this.requests = requests;
        this.messages = messages;
        this.statuses = statuses;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = requests.of(execution);
        String question = ServiceRequestProcess.string(execution, Var.QUESTION);
        if (question == null || question.isBlank()) {
            question = ServiceRequestProcess.string(execution, Var.RESOLUTION);
        }
        RequestMessage asked = messages.saveAndFlush(new RequestMessage(request.getId(), RequestMessage.Author.AGENT,
                request.getAgent(), false, question == null ? "" : question,
                request.getChannel(), now));
        outbox.toCustomer(request, Notification.Kind.QUESTION, "A question about your request", asked.getBody(),
                request.getRequestKey() + "/QUESTION/" + asked.getId(), now);
        SlaClock clock = clocks.pause(request.getId(), SlaMetric.RESOLUTION, now);
        statuses.move(request, RequestStatus.WAITING_ON_CUSTOMER, now, request.getAgent());
        execution.setVariable(Var.REMINDERS_SENT, 0);
        execution.setVariable(Var.REMINDERS_LEFT, properties.maxReminders() > 0);
        execution.setVariable(Var.NEXT_REMINDER_AT,
                Date.from(clocks.calendarOf(clock).plus(now, properties.reminderInterval())));
    }
}
