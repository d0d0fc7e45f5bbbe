package com.sladesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a request enters the desk: the request row and its process instance are written in one
 * transaction, so neither exists without the other.
 */
@Service
public class RequestIntake {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);
    /** How far back a request may have been received: our reports cover at most 400 days. */
    static final Duration MAX_AGE = Duration.ofDays(400);

    private final CustomerRepository customers;
    private final ServiceRequestRepository requests;
    private final RequestProcess process;
    private final ApplicationEventPublisher events;

    public RequestIntake(CustomerRepository customers, ServiceRequestRepository requests,
            RequestProcess process, ApplicationEventPublisher events) {
        this.customers = customers;
        this.requests = requests;
        this.process = process;
        this.events = events;
    }

    /**
     * The request already taken in under this channel and external id, if any: one read (none without externalId),
     * without a transaction of its own, which would cost three more round trips.
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ServiceRequest> existing(Channel channel, String externalId) {
        return externalId == null ? Optional.empty() : requests.findByChannelAndExternalId(channel, externalId);
    }

    @Transactional
    public ServiceRequest receive(NewRequest command) {
        Instant now = DeskClock.now();
        Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt().toInstant();
        checkReceivedAt("receivedAt", receivedAt, now);
        Customer customer = customerOf(command.customer(), now);
        ServiceRequest request = requests.saveAndFlush(new ServiceRequest(command.channel(), blankToNull(
                command.externalId()), customer, command.category() == null ? Category.UNCLASSIFIED
                        : command.category(), blankToNull(command.product()), command.subject().trim(),
                command.description() == null ? "" : command.description(), receivedAt, now));
        request.assignKey();
        request.inConversation(blankToNull(command.conversationId()));
        request.startedAs(process.start(request));
        events.publishEvent(new RequestReceived(request));
        return request;
    }

    private Customer customerOf(NewRequest.CustomerData data, Instant now) {
        String reference = data.reference();
        Customer known = customers.findByCustomerRef(reference).orElse(null);
        if (known != null) {
            if (data.tier() != null) {
                known.changeTier(data.tier());
            }
            return known;
        }
        return customers.findByCustomerRef(reference).orElseGet(() -> {
            if (data.tier() == null) {
                throw new InvalidRequestException("customer.tier", "is required for a customer we do not know yet");
            }
            return customers.saveAndFlush(new Customer(reference, blankToNull(data.name()), blankToNull(data.email()),
                    blankToNull(data.phone()), data.tier(), now));
        });
    }

    /** A channel's receipt time: at most a minute ahead of our clock and at most 400 days back. */
    public static void checkReceivedAt(String field, Instant receivedAt, Instant now) {
        if (receivedAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidRequestException(field, "must not be more than a minute in the future");
        }
        if (receivedAt.isBefore(now.minus(MAX_AGE))) {
            throw new InvalidRequestException(field, "must not be more than 400 days in the past");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
