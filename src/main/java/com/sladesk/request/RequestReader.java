package com.sladesk.request;

import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads requests into their API views. */
@Component
@Transactional(readOnly = true)
public class RequestReader {

    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestSla sla;

    public RequestReader(ServiceRequestRepository requests, RequestMessageRepository messages, RequestSla sla) {
        this.requests = requests;
        this.messages = messages;
        this.sla = sla;
    }

    public Optional<RequestView> detail(String key) {
        return requests.findByRequestKey(key).map(this::detail);
    }

    public RequestView detail(long id) {
        return detail(requests.findById(id).orElseThrow());
    }

    private RequestView detail(ServiceRequest request) {
        return RequestView.of(request, sla.clocksOf(request.getId(), ClockUtil.getCurrentTime().toInstant()),
                sla.eventsOf(request.getId()), messages.findByRequestIdOrderByCreatedAtAscIdAsc(request.getId()));
    }

    public Page<RequestView> search(RequestStatus status, String team, Boolean breached, Pageable page) {
        return requests.search(status, team, breached, page).map(RequestView::summary);
    }
}
