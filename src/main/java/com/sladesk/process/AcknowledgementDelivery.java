package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sladesk.notify.Notification;
import com.sladesk.notify.NotificationSent;
import com.sladesk.notify.OutboxDispatcher;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.SlaClocks;
import com.sladesk.sla.SlaMetric;

/**
 * The ACKNOWLEDGEMENT clock stops when the outbox delivered the acknowledgement (the row sent, not written): the
 * clock stops at the instant it was sent and the request's process gets the "Acknowledgement delivered" message,
 * in the transaction that marks the row sent. When the outbox tells of a send outside a transaction (recording
 * both at once failed, and the row was marked sent alone), this happens in a transaction of its own, tried again
 * on a conflict with another change of the request; should it still fail, the clock's breach timer finds the row
 * sent and stops the clock instead of breaching it.
 */
@Component
class AcknowledgementDelivery {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgementDelivery.class);
    private static final int ATTEMPTS = 5;

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RuntimeService runtimeService;
    private final OutboxDispatcher outbox;
    private final TransactionTemplate newTransaction;

    AcknowledgementDelivery(SlaClocks clocks, ServiceRequestRepository requests, RuntimeService runtimeService,
            OutboxDispatcher outbox, PlatformTransactionManager transactions) {
        this.clocks = clocks;
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.outbox = outbox;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    void on(NotificationSent sent) {
        if (sent.kind() != Notification.Kind.ACKNOWLEDGEMENT || sent.requestId() == null) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the send's own transaction: a failure here fails it, and the outbox records the send alone
            delivered(sent.requestId(), sent.sentAt());
            return;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                newTransaction.executeWithoutResult(status -> delivered(sent.requestId(), sent.sentAt()));
                return;
            } catch (OptimisticLockingException | ConcurrencyFailureException conflict) {
                log.debug("Acknowledgement of request {} conflicted (attempt {})", sent.requestId(), attempt);
            } catch (RuntimeException e) {
                // the send stays done; the breach timer finds the row sent and stops the clock at its instant
                log.warn("The ACKNOWLEDGEMENT clock of request {} was not stopped: {}", sent.requestId(),
                        e.toString());
                return;
            }
        }
        log.warn("The ACKNOWLEDGEMENT clock of request {} was not stopped after {} attempts; its breach timer "
                + "will find the acknowledgement sent", sent.requestId(), ATTEMPTS);
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
