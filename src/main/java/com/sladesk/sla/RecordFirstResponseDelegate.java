package com.sladesk.sla;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestProcess;
import com.sladesk.request.ServiceRequestProcess.Var;
import com.sladesk.request.ServiceRequestRepository;

/** Implements "Record first response" (Task_RecordFirstResponse): the reply, IN_PROGRESS, clock stopped. */
@Component
public class RecordFirstResponseDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestStatuses statuses;
    private final Outbox outbox;

    public RecordFirstResponseDelegate(SlaClocks clocks, ServiceRequestRepository requests,
            RequestMessageRepository messages, RequestStatuses statuses, Outbox outbox) {
        this.clocks = clocks;
        this.requests = requests;
        this.messages = messages;
        this.statuses = statuses;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        ServiceRequest request = requests.of(execution);
        String responder = request.getAgent();
        RequestMessage reply = messages.saveAndFlush(new RequestMessage(request.getId(), RequestMessage.Author.AGENT,
                responder, false, ServiceRequestProcess.string(execution, Var.REPLY), request.getChannel(), now));
        outbox.toCustomer(request, Notification.Kind.REPLY, request.getSubject(), reply.getBody(),
                request.getRequestKey() + "/REPLY/" + reply.getId(), now);
        statuses.respondedBy(request, responder, now);
        clocks.stop(request.getId(), SlaMetric.FIRST_RESPONSE, now);
    }
}
