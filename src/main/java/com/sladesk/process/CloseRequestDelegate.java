package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.RequestStatuses;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.survey.SurveyLinks;
import com.sladesk.sla.SlaClocks;

/** Implements "Close request" (Task_CloseRequest): every clock stopped, status CLOSED, the survey link sent. */
@Component
public class CloseRequestDelegate implements JavaDelegate {

    private final SlaClocks clocks;
    private final ServiceRequestRepository requests;
    private final RequestStatuses statuses;
    private final Outbox outbox;
    private final SurveyLinks surveys;

    public CloseRequestDelegate(SlaClocks clocks, ServiceRequestRepository requests, RequestStatuses statuses,
            Outbox outbox, SurveyLinks surveys) {
        this.clocks = clocks;
        this.requests = requests;
        this.statuses = statuses;
        this.outbox = outbox;
        this.surveys = surveys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = ServiceRequestProcess.now();
        long requestId = ServiceRequestProcess.requestId(execution);
        clocks.stopAll(requestId, now);
        ServiceRequest request = requests.findById(requestId).orElseThrow();
        statuses.move(request, RequestStatus.CLOSED, now, null);
        // one survey per request, also when it is closed again after a reopen
        outbox.toCustomer(request, Notification.Kind.SURVEY, "How did we do?",
                "Your request \"%s\" is closed. Please tell us how satisfied you are (1-5): %s".formatted(
                        request.getSubject(), surveys.linkFor(request.getRequestKey(), now)),
                request.getRequestKey() + "/SURVEY", now);
    }
}
