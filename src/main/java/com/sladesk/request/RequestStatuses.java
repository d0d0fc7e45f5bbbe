package com.sladesk.request;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Every status change of a request goes through here, so that each one is also recorded as an interval. */
@Component
public class RequestStatuses {

    private final ApplicationEventPublisher events;

    public RequestStatuses(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The request's first interval, NEW, starts when the channel received it. */
    public void opened(ServiceRequest request) {
        events.publishEvent(new RequestStatusChanged(request.getId(), null, request.getStatus(),
                request.getReceivedAt(), request.getTeam(), null, request.getCalendarId()));
    }

    /**
     * An agent claimed (or gave back) a new request's first task: the NEW interval is split, so reports can
     * tell the time waiting in the queue from the time an agent had it.
     */
    public void claimed(ServiceRequest request, String agent, Instant at) {
        if (request.getStatus() == RequestStatus.NEW) {
            events.publishEvent(new RequestStatusChanged(request.getId(), RequestStatus.NEW, RequestStatus.NEW, at,
                    request.getTeam(), agent, request.getCalendarId()));
        }
    }

    public void respondedBy(ServiceRequest request, String agent, Instant at) {
        request.respondedBy(agent);
        events.publishEvent(new RequestChanged(request.getId()));
        move(request, RequestStatus.IN_PROGRESS, at, agent);
    }

    public void reopen(ServiceRequest request, Instant at) {
        request.reopened();
        move(request, RequestStatus.IN_PROGRESS, at, request.getResponder());
    }

    public void move(ServiceRequest request, RequestStatus next, Instant at, String assignee) {
        RequestStatus previous = request.getStatus();
        if (previous == next) {
            return;
        }
        request.moveTo(next, at);
        events.publishEvent(new RequestStatusChanged(request.getId(), previous, next, at, request.getTeam(), assignee,
                request.getCalendarId()));
    }
}
