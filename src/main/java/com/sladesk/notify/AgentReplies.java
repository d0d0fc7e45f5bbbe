package com.sladesk.notify;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestMessageRepository;
import com.sladesk.request.ServiceRequest;

/**
 * Answering a customer: the agent's text is recorded as a message of the request, under the agent working it,
 * and goes out through the outbox on the request's channel, once per message.
 */
@Component
public class AgentReplies {

    private final RequestMessageRepository messages;
    private final Outbox outbox;

    public AgentReplies(RequestMessageRepository messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    /** Records {@code text} and sends it with {@code subject}, followed by {@code footer} (none if null). */
    public RequestMessage send(ServiceRequest request, Notification.Kind kind, String subject, String text,
            String footer, Instant now) {
        if (text == null) {
            throw new IllegalStateException(kind + " of " + request.getRequestKey() + " without a text");
        }
        RequestMessage message = messages.saveAndFlush(new RequestMessage(request.getId(), RequestMessage.Author.AGENT,
                request.getAgent(), false, text, request.getChannel(), now));
        outbox.toCustomer(request, kind, subject, footer == null ? message.getBody() : message.getBody() + footer,
                request.getRequestKey() + "/" + kind + "/" + message.getId(), now);
        return message;
    }
}
