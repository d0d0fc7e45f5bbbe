package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.NotificationSent;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * The ACKNOWLEDGEMENT clock stops when the outbox delivered the acknowledgement (the row sent, not written): in
 * the transaction that marks the row sent, the clock stops at the instant it was sent and the request's process
 * gets the "Acknowledgement delivered" message. A conflict with another change of the request makes the outbox
 * try that transaction again; should it still fail, the row is marked sent alone and the clock's breach timer
 * finds it sent and stops the clock instead of breaching it.
 */
@Component
class AcknowledgementDelivery {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RuntimeService runtimeService;
    private final OutboxDispatcher outbox;

    AcknowledgementDelivery(SlaClocks clocks, ServiceRequestRepository requests, RuntimeService runtimeService,
            OutboxDispatcher outbox) {
        this.clocks = clocks;
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
    }

    @EventListener
    void on(NotificationSent sent) {
        if (sent.kind() != Notification.Kind.ACKNOWLEDGEMENT || sent.requestId() == null) {
            return;
        }
        try {
            delivered(sent.requestId(), sent.sentAt());
        } catch (OptimisticLockingException conflict) {
            // the engine's word for it; the outbox tries again on Spring's
            throw new OptimisticLockingFailureException("The acknowledgement of request " + sent.requestId()
                    + " conflicted with another change of it", conflict);
        }
    }

    /**
     * Stops the clock at the instant the acknowledgement was sent (unless the breach timer's check got there
     * first), and ends the process's wait for it in any case.
     */
    private void delivered(long requestId, Instant sentAt) {
        ServiceRequest request = requests.findById(requestId).orElse(null);
        if (request == null) {
            return;
        }
        if (clocks.isCounting(requestId, SlaMetric.ACKNOWLEDGEMENT)) {
            clocks.stop(requestId, SlaMetric.ACKNOWLEDGEMENT, sentAt, "delivered");
        }
        runtimeService.createMessageCorrelation(ServiceRequestProcess.MESSAGE_ACKNOWLEDGEMENT_DELIVERED)
                .processInstanceId(request.getProcessInstanceId()).correlateAll();
    }

    /**
     * At the ACKNOWLEDGEMENT clock's breach: null when the acknowledgement was delivered after all (the clock is
     * stopped at that instant), else why it was not, for the breach event.
     */
    String breachReason(long requestId) {
        OutboxDispatcher.Delivery delivery = outbox.deliveryOf(requestId, Notification.Kind.ACKNOWLEDGEMENT);
        if (delivery.delivered()) {
            clocks.stop(requestId, SlaMetric.ACKNOWLEDGEMENT, delivery.sentAt(), "delivered");
            return null;
        }
        return "acknowledgement " + delivery.problem();
    }
}
