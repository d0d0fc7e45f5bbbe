package com.sladesk.notify;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sladesk.request.RequestReceived;
import com.sladesk.request.ServiceRequest;

/**
 * Every request taken in is acknowledged to the customer on the channel it came from, within seconds (the
 * outbox is polled every few seconds). An acknowledgement is not the first response: no clock stops.
 */
@Component
class Acknowledgements {

    private final Outbox outbox;

    Acknowledgements(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Just before the intake commits, once the channel said whether it knows the sender. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void acknowledge(RequestReceived received) {
        ServiceRequest request = received.request();
        if (!request.isSenderVerified()) {
            // the sender must confirm the address first; that mail quotes nothing the sender wrote
            return;
        }
        outbox.toCustomer(request, Notification.Kind.ACKNOWLEDGEMENT, "We received your request",
                """
                We received your request "%s" and gave it the number %s. An agent will answer you soon; \
                to add anything, reply to this message and keep %s in the subject.""".formatted(
                        request.getSubject(), request.getRequestKey(), request.getRequestKey()),
                request.getRequestKey() + "/ACKNOWLEDGEMENT", request.getCreatedAt());
    }
}
