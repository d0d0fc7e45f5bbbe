package com.sladesk.request;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages on a request and the customer's answers that move it: a customer's reply resumes a request that
 * waits on the customer; confirming closes a resolved request; reopening sends it back to resolution.
 */
@Service
@Transactional
public class RequestConversation {

    private final ServiceRequestRepository requests;
    private final RequestMessageRepository messages;
    private final RequestProcess process;
    private final CustomerAnswerRepository answers;

    public RequestConversation(ServiceRequestRepository requests, RequestMessageRepository messages,
            RequestProcess process, CustomerAnswerRepository answers) {
        this.answers = answers;
        this.requests = requests;
        this.messages = messages;
        this.process = process;
    }

    /** The message recorded before under this external id, if any. */
    @Transactional(readOnly = true)
    public Optional<RequestMessage> existing(String key, String externalId) {
        return externalId == null ? Optional.empty()
                : messages.findByRequestIdAndExternalId(request(key).getId(), externalId);
    }

    /** A message by {@code user}; {@code channel} tells whether the caller may speak as the customer. */
    public RequestMessage add(String key, NewMessage message, String user, boolean channel) {
        ServiceRequest request = request(key);
        Instant now = DeskClock.now();
        boolean fromCustomer = message.author() == RequestMessage.Author.CUSTOMER;
        if (fromCustomer && !channel) {
            throw new NotAllowedException("Only a channel (group integrations) writes as the customer; record what "
                    + "the customer told you as author AGENT with onBehalfOfCustomer true");
        }
        if (fromCustomer && message.internal()) {
            throw new InvalidRequestException("internal", "only agents write internal notes");
        }
        if (message.onBehalfOfCustomer() && (message.author() != RequestMessage.Author.AGENT || message.internal())) {
            throw new InvalidRequestException("onBehalfOfCustomer",
                    "an agent records the customer's words as author AGENT, not as an internal note");
        }
        RequestMessage recorded = new RequestMessage(request.getId(), message.author(),
                fromCustomer ? request.getCustomer().getCustomerRef() : user, message.internal(), message.body(),
                message.channel() == null ? request.getChannel() : message.channel(), now)
                .withExternalId(message.externalId());
        RequestMessage saved = messages.saveAndFlush(message.onBehalfOfCustomer() ? recorded.onBehalfOfCustomer()
                : recorded);
        if (saved.isCustomersWords() && request.getStatus() == RequestStatus.WAITING_ON_CUSTOMER) {
            deliver(request, RequestProcess.CustomerMove.REPLIED, "is not waiting on the customer");
        }
        return saved;
    }

    /** The customer (through a channel, or {@code user} for the customer) confirms the resolution. */
    public void confirm(String key, String user) {
        ServiceRequest request = request(key);
        if (request.getStatus() != RequestStatus.RESOLVED) {
            throw new RequestStateException(request, "can be confirmed only while RESOLVED");
        }
        answers.save(new CustomerAnswer(request.getId(), CustomerAnswer.Answer.CONFIRMED, user,
                DeskClock.now()));
        deliver(request, RequestProcess.CustomerMove.CONFIRMED, "cannot be confirmed now");
    }

    /** The customer (through a channel, or {@code user} for the customer) reopens the request. */
    public void reopen(String key, String user) {
        ServiceRequest request = request(key);
        if (request.getStatus() != RequestStatus.RESOLVED && request.getStatus() != RequestStatus.CLOSED) {
            throw new RequestStateException(request, "can be reopened only once resolved");
        }
        answers.save(new CustomerAnswer(request.getId(), CustomerAnswer.Answer.REOPENED, user,
                DeskClock.now()));
        deliver(request, RequestProcess.CustomerMove.REOPENED, "is past its reopen window");
    }

    private void deliver(ServiceRequest request, RequestProcess.CustomerMove move, String problem) {
        if (!process.deliver(request, move)) {
            throw new RequestStateException(request, problem);
        }
    }

    private ServiceRequest request(String key) {
        return requests.findByRequestKey(key).orElseThrow(() -> new RequestNotFoundException(key));
    }
}
