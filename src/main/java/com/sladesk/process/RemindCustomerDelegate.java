package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;
import com.sladesk.sla.SlaProperties;

/** Implements "Remind the customer" (Task_RemindCustomer): a reminder in the outbox, the next one scheduled. */
@Component
public class RemindCustomerDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final Outbox outbox;
    private final SlaProperties properties;

    public RemindCustomerDelegate(SlaClocks clocks, ServiceRequestRepository requests, Outbox outbox,
            SlaProperties properties) {
        this.clocks = clocks;
        this.requests = requests;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = ServiceRequestProcess.request(requests, execution);
        SlaClock clock = clocks.clock(request.getId(), SlaMetric.RESOLUTION);
        int sent = RequestVariables.of(execution).remindersSent() + 1;
        // one pause, one series of reminders: the pause's start tells the series apart
        outbox.toCustomer(request, Notification.Kind.REMINDER, "We are waiting for your answer",
                "Your request \"%s\" is waiting for your answer (reminder %d of %d).".formatted(request.getSubject(),
                        sent, properties.maxReminders()),
                "%s/REMINDER/%d/%d".formatted(request.getRequestKey(), clock.getPausedAt().getEpochSecond(), sent),
                now);
        RequestVariables.of(execution).reminders(sent, sent < properties.maxReminders(),
                clocks.calendarOf(clock).plus(now, properties.reminderInterval()));
    }
}
