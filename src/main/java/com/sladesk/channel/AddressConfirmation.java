package com.sladesk.channel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.sladesk.notify.Notification;
import com.sladesk.notify.Outbox;
import com.sladesk.notify.Signatures;
import com.sladesk.request.Customer;
import com.sladesk.request.CustomerRepository;
import com.sladesk.request.RequestReceived;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;
import com.sladesk.sla.Reclassify;
import com.sladesk.process.Reclassifying;
import com.sladesk.survey.SurveyProperties;
import com.sladesk.request.DeskClock;
import com.sladesk.request.RequestStateException;

/**
 * A web form post may name anyone's e-mail address, so its request runs on the default tier, under a sender
 * of its own, until the address is confirmed: the acknowledgement asks for that with a signed link and quotes
 * nothing the sender wrote. Confirming moves the request to the customer who owns the address (if we know
 * them) and reclassifies it to their tier. Links are signed with the survey secret.
 */
@Component
class AddressConfirmation {

    /** The reference of a web form sender who has not confirmed the address: web:address. */
    static final String WEB_SENDER = "web:";

    private static final Pattern TOKEN = Pattern.compile("(SR-\\d{6,})\\.(\\d{1,12})\\.([0-9a-f]{64})");

    private final Outbox outbox;
    private final ServiceRequestRepository requests;
    private final CustomerRepository customers;
    private final Reclassifying reclassifying;
    private final SurveyProperties links;
    private final ChannelProperties properties;

    AddressConfirmation(Outbox outbox, ServiceRequestRepository requests, CustomerRepository customers,
            Reclassifying reclassifying, SurveyProperties links, ChannelProperties properties) {
        this.outbox = outbox;
        this.requests = requests;
        this.customers = customers;
        this.reclassifying = reclassifying;
        this.links = links;
        this.properties = properties;
    }

    /** The acknowledgement of a web form post: a request for confirmation. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void askToConfirm(RequestReceived received) {
        ServiceRequest request = received.request();
        if (request.isSenderVerified()) {
            return;
        }
        outbox.toCustomer(request, Notification.Kind.ACKNOWLEDGEMENT, "We received your request", """
                Someone sent a request through our web form with this e-mail address; it has the number %s.
                If it was you, confirm it here so that we can serve you as our customer: %s
                If it was not you, ignore this message.""".formatted(request.getRequestKey(),
                linkFor(request.getRequestKey(), request.getCreatedAt())),
                request.getRequestKey() + "/ACKNOWLEDGEMENT", request.getCreatedAt());
    }

    String linkFor(String requestKey, Instant now) {
        String signed = requestKey + "." + now.plus(properties.webForm().confirmFor()).getEpochSecond();
        return links.baseUrl() + "/support/confirm/" + signed + "." + signature(signed);
    }

    /** The open, unconfirmed request a valid token names. */
    Optional<ServiceRequest> requestOf(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches() || !Signatures.verify(links.secret(), (m.group(1) + "." + m.group(2))
                .getBytes(StandardCharsets.UTF_8), "sha256=" + m.group(3))
                || DeskClock.now().isAfter(Instant.ofEpochSecond(Long.parseLong(m.group(2))))) {
            return Optional.empty();
        }
        return requests.findByRequestKey(m.group(1)).filter(request -> !request.isSenderVerified());
    }

    /** The sender proved the address: the request is its owner's, on the owner's tier. */
    @Transactional
    Optional<String> confirm(String token) {
        Optional<ServiceRequest> found = requestOf(token);
        found.ifPresent(request -> {
            String email = request.getCustomer().getEmail();
            customers.findByEmailIgnoreCaseOrderByIdAsc(email).stream()
                    .filter(customer -> !customer.getCustomerRef().startsWith(WEB_SENDER)).findFirst()
                    .ifPresentOrElse(owner -> {
                request.senderConfirmedAs(owner);
                if (owner.getTier() != request.getCustomerTier()) {
                    reclassifyQuietly(request, owner);
                }
            }, () -> request.senderConfirmedAs(request.getCustomer()));
        });
        return found.map(ServiceRequest::getRequestKey);
    }

    private void reclassifyQuietly(ServiceRequest request, Customer owner) {
        try {
            reclassifying.reclassify(request.getRequestKey(), new Reclassify(null, null, owner.getTier(),
                    "The sender confirmed the e-mail address of " + owner.getCustomerRef()), "web-form");
        } catch (RequestStateException closedAlready) {
            // a resolved or closed request keeps its classification; it is the owner's all the same
        }
    }

    private String signature(String signed) {
        return Signatures.sign(links.secret(), signed.getBytes(StandardCharsets.UTF_8)).substring("sha256=".length());
    }
}
