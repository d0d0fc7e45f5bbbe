package com.sladesk.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.sladesk.request.ServiceRequestProcess.Var;

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
    private final RuntimeService runtimeService;
    private final ApplicationEventPublisher events;

    public RequestIntake(CustomerRepository customers, ServiceRequestRepository requests,
            RuntimeService runtimeService, ApplicationEventPublisher events) {
        this.customers = customers;
        this.requests = requests;
        this.runtimeService = runtimeService;
        this.events = events;
    }

    /** The request already taken in under this channel and external id, if any. */
    @Transactional(readOnly = true)
    public Optional<ServiceRequest> existing(Channel channel, String externalId) {
        return externalId == null ? Optional.empty() : requests.findByChannelAndExternalId(channel, externalId);
    }

    @Transactional
    public ServiceRequest receive(NewRequest command) {
        Instant now = ServiceRequestProcess.now();
        Instant receivedAt = command.receivedAt() == null ? now : command.receivedAt().toInstant();
        checkReceivedAt("receivedAt", receivedAt, now);
        Customer customer = customerOf(command.customer(), now);
        ServiceRequest request = requests.saveAndFlush(new ServiceRequest(command.channel(), blankToNull(
                command.externalId()), customer, command.category() == null ? Category.UNCLASSIFIED
                        : command.category(), blankToNull(command.product()), command.subject().trim(),
                command.description() == null ? "" : command.description(), receivedAt, now));
        request.assignKey();
        request.inConversation(blankToNull(command.conversationId()));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ServiceRequestProcess.PROCESS_KEY,
                request.getRequestKey(), Map.of(
                        Var.REQUEST_KEY, request.getRequestKey(),
                        Var.CHANNEL, request.getChannel().name(),
                        Var.CUSTOMER_NAME, customer.getName() == null ? customer.getCustomerRef() : customer.getName(),
                        Var.CUSTOMER_TIER, customer.getTier().name(),
                        Var.CATEGORY, request.getCategory().name(),
                        Var.PRODUCT, request.getProduct() == null ? "" : request.getProduct(),
                        Var.SUBJECT, request.getSubject(),
                        Var.DESCRIPTION, request.getDescription()));
        request.startedAs(instance.getId());
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
