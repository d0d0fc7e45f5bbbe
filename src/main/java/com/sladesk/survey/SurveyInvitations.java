package com.sladesk.survey;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatusChanged;
import com.sladesk.request.ServiceRequestRepository;

/**
 * A request that closes (not one closed without the customer's reply) invites its customer to the survey, in
 * the transaction that closes it: one survey per request, also when it is closed again after a reopen.
 */
@Component
class SurveyInvitations {

    private final ServiceRequestRepository requests;
    private final Outbox outbox;
    private final SurveyLinks surveys;

    SurveyInvitations(ServiceRequestRepository requests, Outbox outbox, SurveyLinks surveys) {
        this.requests = requests;
        this.outbox = outbox;
        this.surveys = surveys;
    }

    @EventListener
    void on(RequestStatusChanged change) {
        if (change.to() != RequestStatus.CLOSED || change.from() == RequestStatus.CLOSED) {
            return;
        }
        requests.findById(change.requestId()).ifPresent(request -> outbox.toCustomer(request,
                Notification.Kind.SURVEY, "How did we do?",
                "Your request \"%s\" is closed. Please tell us how satisfied you are (1-5): %s".formatted(
                        request.getSubject(), surveys.linkFor(request.getRequestKey(), change.at())),
                request.getRequestKey() + "/SURVEY", change.at()));
    }
}
