package com.sladesk.request;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads requests into their API views. A view is read without a database transaction of its own: the isolation is
 * READ COMMITTED, so a transaction would give its statements no common snapshot, only three more round trips
 * (autocommit off, commit, autocommit on). One entity manager and connection still serve the whole view.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class RequestReader {

    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final ReclassificationRepository reclassifications;
    private final RequestSla sla;

    public RequestReader(ServiceRequestRepository requests, RequestMessageRepository messages,
            ReclassificationRepository reclassifications, RequestSla sla) {
        this.requests = requests;
        this.messages = messages;
        this.reclassifications = reclassifications;
        this.sla = sla;
    }

    public boolean exists(String key) {
        return requests.findByRequestKey(key).isPresent();
    }

    public Optional<RequestView> detail(String key) {
        return requests.findWithCustomerByRequestKey(key).map(this::detail);
    }

    public RequestView detail(long id) {
        return detail(requests.findWithCustomerById(id).orElseThrow());
    }

    private RequestView detail(ServiceRequest request) {
        Instant now = DeskClock.now();
        long id = request.getId();
        return RequestView.of(request, new RequestView.Details(sla.clocksOf(id, now), sla.eventsOf(id),
                sla.timeInState(id, request.getCalendarId(), now),
                messages.findByRequestIdOrderByCreatedAtAscIdAsc(id),
                reclassifications.findByRequestIdOrderByChangedAtAscIdAsc(id)));
    }

    public Page<RequestView> search(RequestStatus status, String team, Boolean breached, Pageable page) {
        return requests.search(status, team, breached, page).map(RequestView::summary);
    }
}
