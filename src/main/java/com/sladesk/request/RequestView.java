package com.sladesk.request;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A request as our REST API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String key, RequestStatus status, Channel channel, String externalId, CustomerView customer,
        Category category, String product, String subject, String description, Priority priority, String team,
        String expertTeam, String escalationGroup, String responder, boolean breached, Instant receivedAt,
        Instant createdAt, Instant closedAt, String processInstanceId, List<RequestSla.ClockView> clocks,
        List<RequestSla.EventView> events, List<MessageView> messages) {

    public record CustomerView(String id, String name, String email, String phone, CustomerTier tier) {
    }

    public record MessageView(RequestMessage.Author author, String authorId, boolean internal, String body,
            Channel channel, Instant at) {
    }

    static RequestView summary(ServiceRequest request) {
        return of(request, null, null, null);
    }

    static RequestView of(ServiceRequest request, List<RequestSla.ClockView> clocks, List<RequestSla.EventView> events,
            List<RequestMessage> messages) {
        Customer customer = request.getCustomer();
        return new RequestView(request.getRequestKey(), request.getStatus(), request.getChannel(),
                request.getExternalId(),
                new CustomerView(customer.getCustomerRef(), customer.getName(), customer.getEmail(),
                        customer.getPhone(), customer.getTier()),
                request.getCategory(), request.getProduct(), request.getSubject(), request.getDescription(),
                request.getPriority(), request.getTeam(), request.getExpertTeam(), request.getEscalationGroup(),
                request.getResponder(), request.isBreached(), request.getReceivedAt(), request.getCreatedAt(),
                request.getClosedAt(), request.getProcessInstanceId(), clocks, events,
                messages == null ? null : messages.stream().map(m -> new MessageView(m.getAuthor(),
                        m.getAuthorId(), m.isInternal(), m.getBody(), m.getChannel(), m.getCreatedAt())).toList());
    }
}
