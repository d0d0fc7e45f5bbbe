package com.sladesk.channel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.sladesk.notify.Notification;
import com.sladesk.notify.NotificationRepository;
import com.sladesk.request.Channel;
import com.sladesk.request.CustomerRepository;
import com.sladesk.request.InvalidRequestException;
import com.sladesk.request.NewMessage;
import com.sladesk.request.NewRequest;
import com.sladesk.request.RequestConversation;
import com.sladesk.request.RequestIntake;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import com.sladesk.request.DeskClock;
import com.sladesk.request.UniqueKeyRace;

/**
 * Where every channel's messages enter: a message that belongs to an open request is added to it (which
 * resumes a paused clock), anything else becomes a request through the same intake as POST /api/requests.
 * Each (channel, event id) is processed once: the inbound_event row is written in the same transaction and
 * its unique key turns a second delivery, on this node or another, into a read of the first result.
 */
@Service
public class ChannelInbox {

    private static final Set<RequestStatus> FINISHED = EnumSet.of(RequestStatus.CLOSED, RequestStatus.CLOSED_NO_REPLY);

    public enum Outcome {
        CREATED, ADDED, DUPLICATE
    }

    public record Accepted(String requestKey, Outcome outcome) {
    }

    private final RequestIntake intake;
    private final RequestConversation conversation;
    private final ServiceRequestRepository requests;
    private final CustomerRepository customers;
    private final InboundEventRepository events;
    private final NotificationRepository notifications;
    private final ChannelProperties properties;
    private final Validator validator;
    private final TransactionTemplate transaction;

    ChannelInbox(RequestIntake intake, RequestConversation conversation, ServiceRequestRepository requests,
            CustomerRepository customers, InboundEventRepository events, NotificationRepository notifications,
            ChannelProperties properties, Validator validator, TransactionTemplate transaction) {
        this.intake = intake;
        this.conversation = conversation;
        this.requests = requests;
        this.customers = customers;
        this.events = events;
        this.notifications = notifications;
        this.properties = properties;
        this.validator = validator;
        this.transaction = transaction;
    }

    Accepted accept(Inbound inbound) {
        // another node may take this event, or this customer, first: the next round reads what it wrote
        return UniqueKeyRace.existingOrCreated(
                () -> transaction.execute(status -> events.findByChannelAndEventId(inbound.channel(), inbound.eventId())
                        .map(event -> new Accepted(requests.findById(event.getRequestId()).orElseThrow()
                                .getRequestKey(), Outcome.DUPLICATE))),
                () -> transaction.execute(status -> process(inbound)));
    }

    private Accepted process(Inbound inbound) {
        Instant now = DeskClock.now();
        Optional<ServiceRequest> thread = threadOf(inbound);
        if (thread.isPresent()) {
            ServiceRequest request = thread.get();
            RequestMessage message = conversation.add(request.getRequestKey(), new NewMessage(
                    RequestMessage.Author.CUSTOMER, limit(inbound.text(), 4000, "(empty message)"), inbound.channel(),
                    limit(inbound.eventId(), 200, null), false), null, true);
            events.saveAndFlush(new InboundEvent(inbound.channel(), inbound.eventId(),
                    inbound.conversation().conversationId(), request.getId(), message.getId(), now,
                    inbound.clientAddress()));
            return new Accepted(request.getRequestKey(), Outcome.ADDED);
        }
        ServiceRequest request = intake.receive(newRequest(inbound));
        if (inbound.channel() == Channel.WEB) {
            // anyone may type any address into the web form (AddressConfirmation)
            request.unverifiedSender();
        }
        events.saveAndFlush(new InboundEvent(inbound.channel(), inbound.eventId(),
                inbound.conversation().conversationId(), request.getId(), null, now, inbound.clientAddress()));
        return new Accepted(request.getRequestKey(), Outcome.CREATED);
    }

    /** The open request this message continues, if any; mail only from that request's own customer. */
    private Optional<ServiceRequest> threadOf(Inbound inbound) {
        Inbound.Conversation about = inbound.conversation();
        if (about.conversationId() != null) {
            return events.findFirstByChannelAndConversationIdOrderByIdDesc(inbound.channel(), about.conversationId())
                    .flatMap(event -> requests.findById(event.getRequestId()))
                    .filter(request -> !FINISHED.contains(request.getStatus()));
        }
        Optional<ServiceRequest> named = Optional.ofNullable(about.requestKey()).flatMap(requests::findByRequestKey);
        if (named.isEmpty() && !about.repliesTo().isEmpty()) {
            Optional<Long> requestId = notifications.findFirstByMessageIdIn(about.repliesTo())
                    .map(Notification::getRequestId)
                    .or(() -> events.findFirstByChannelAndEventIdIn(inbound.channel(), about.repliesTo())
                            .map(InboundEvent::getRequestId));
            named = requestId.flatMap(requests::findById);
        }
        return named.filter(request -> !FINISHED.contains(request.getStatus()))
                .filter(request -> sameCustomer(request, inbound.customer()));
    }

    private static boolean sameCustomer(ServiceRequest request, NewRequest.CustomerData sender) {
        String email = request.getCustomer().getEmail();
        return sender.email() != null && email != null && email.equalsIgnoreCase(sender.email().trim());
    }

    private NewRequest newRequest(Inbound inbound) {
        NewRequest.CustomerData sender = inbound.customer();
        boolean known = sender.isIdentified() && customers.findByCustomerRef(sender.reference()).isPresent();
        NewRequest.CustomerData customer = new NewRequest.CustomerData(sender.id(), sender.name(), sender.email(),
                sender.phone(), sender.tier() != null || known ? sender.tier() : properties.defaultTier());
        NewRequest request = new NewRequest(inbound.channel(), limit(inbound.eventId(), 200, null),
                inbound.receivedAt() == null ? null : inbound.receivedAt().atOffset(ZoneOffset.UTC), customer,
                inbound.category(), limit(inbound.product(), 200, null),
                limit(inbound.subject(), 200, limit(inbound.text(), 80, "(no subject)")),
                limit(inbound.text(), 4000, ""), inbound.conversation().conversationId());
        for (ConstraintViolation<NewRequest> violation : validator.validate(request)) {
            throw new InvalidRequestException(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return request;
    }

    /** A channel's text cut to what a request holds; {@code fallback} when there is none. */
    private static String limit(String text, int max, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String trimmed = text.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max - 1) + "…";
    }
}
