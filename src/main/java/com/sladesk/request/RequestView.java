package com.sladesk.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A request as our REST API shows it; the list shows the summary without clocks, events and conversation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(String key, RequestStatus status, Channel channel, String externalId, CustomerView customer,
        boolean senderVerified, CustomerTier customerTier, Category category, String product, String subject, String description,
        Priority priority, String team, String expertTeam, String escalationGroup, String calendar,
        String responder, boolean breached, int reopenCount, Integer satisfactionScore,
        Instant receivedAt, Instant createdAt,
        Instant resolvedAt, Instant closedAt, String processInstanceId, List<RequestSla.ClockView> clocks,
        List<RequestSla.EventView> events, Map<RequestStatus, RequestSla.StateTotal> timeInState,
        List<MessageView> messages, List<ReclassificationView> reclassifications) {

    public record CustomerView(String id, String name, String email, String phone, CustomerTier tier) {
    }

    public record MessageView(RequestMessage.Author author, String authorId, boolean internal,
            boolean onBehalfOfCustomer, String body, Channel channel, String externalId, Instant at) {

        static MessageView of(RequestMessage m) {
            return new MessageView(m.getAuthor(), m.getAuthorId(), m.isInternal(), m.isOnBehalfOfCustomer(),
                    m.getBody(), m.getChannel(), m.getExternalId(), m.getCreatedAt());
        }
    }

    public record ReclassificationView(String by, String reason, Priority oldPriority, Priority newPriority,
            Category oldCategory, Category newCategory, CustomerTier oldTier, CustomerTier newTier, Instant at) {

        static ReclassificationView of(Reclassification r) {
            return new ReclassificationView(r.getChangedBy(), r.getReason(), r.getOldPriority(), r.getNewPriority(),
                    r.getOldCategory(), r.getNewCategory(), r.getOldTier(), r.getNewTier(), r.getChangedAt());
        }
    }

    /** The parts of a request beyond its summary. */
    record Details(List<RequestSla.ClockView> clocks, List<RequestSla.EventView> events,
            Map<RequestStatus, RequestSla.StateTotal> timeInState, List<RequestMessage> messages,
            List<Reclassification> reclassifications) {
    }

    static RequestView summary(ServiceRequest request) {
        return of(request, null);
    }

    static RequestView of(ServiceRequest request, Details details) {
        Customer customer = request.getCustomer();
        return new RequestView(request.getRequestKey(), request.getStatus(), request.getChannel(),
                request.getExternalId(),
                new CustomerView(customer.getCustomerRef(), customer.getName(), customer.getEmail(),
                        customer.getPhone(), customer.getTier()),
                request.isSenderVerified(), request.getCustomerTier(), request.getCategory(), request.getProduct(), request.getSubject(),
                request.getDescription(), request.getPriority(), request.getTeam(), request.getExpertTeam(),
                request.getEscalationGroup(), request.getCalendarId(), request.getResponder(), request.isBreached(),
                request.getReopenCount(), request.getSatisfactionScore(), request.getReceivedAt(), request.getCreatedAt(), request.getResolvedAt(),
                request.getClosedAt(), request.getProcessInstanceId(),
                details == null ? null : details.clocks(),
                details == null ? null : details.events(),
                details == null ? null : details.timeInState(),
                details == null ? null : details.messages().stream().map(MessageView::of).toList(),
                details == null ? null : details.reclassifications().stream().map(ReclassificationView::of).toList());
    }
}
