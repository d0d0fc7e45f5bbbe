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
 * Implements "Record resolution" (Task_RecordResolution): the resolution, RESOLVED, clock stopped, and the
 * instants until which the customer may confirm (else auto-close) and reopen.
 */
@Component
public class RecordResolutionDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestStatuses statuses;
    private final Outbox outbox;
    private final SlaProperties properties;

    public RecordResolutionDelegate(SlaClocks clocks, ServiceRequestRepository requests,
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
        RequestMessage resolution = messages.saveAndFlush(new RequestMessage(request.getId(),
                RequestMessage.Author.AGENT, request.getAgent(), false,
                ServiceRequestProcess.string(execution, Var.RESOLUTION), request.getChannel(), now));
        outbox.toCustomer(request, Notification.Kind.RESOLUTION, "Your request is resolved",
                resolution.getBody() + "\n\nIf this does not solve your problem, just reply and we will reopen it.",
                request.getRequestKey() + "/RESOLUTION/" + resolution.getId(), now);
        statuses.move(request, RequestStatus.RESOLVED, now, request.getAgent());
        clocks.stop(request.getId(), SlaMetric.RESOLUTION, now);
        execution.setVariable(Var.AUTO_CLOSE_AT, Date.from(now.plus(properties.autoCloseAfter())));
        execution.setVariable(Var.REOPEN_UNTIL, Date.from(now.plus(properties.reopenWindow())));
    }
}
