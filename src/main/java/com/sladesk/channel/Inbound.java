package com.sladesk.channel;

import java.time.Instant;
import java.util.List;

import com.sladesk.request.Category;
import com.sladesk.request.Channel;
import com.sladesk.request.NewRequest;

/**
 * One customer message as a channel delivered it, before it is a request or a message on one.
 *
 * @param eventId     the channel's id for this message (a mail's Message-ID), processed once
 * @param clientAddress the browser's address, for the web form's limit per client
 * @param conversation what may thread it into an earlier request: a chat conversation or call id, or for mail the
 *                    request key in the subject and the Message-IDs it replies to
 */
record Inbound(Channel channel, String eventId, Conversation conversation, NewRequest.CustomerData customer,
        String subject, String text, Instant receivedAt, Category category, String product, String clientAddress) {

    /** A message from a channel whose gateway, not a browser, is our client. */
    Inbound(Channel channel, String eventId, Conversation conversation, NewRequest.CustomerData customer,
            String subject, String text, Instant receivedAt, Category category, String product) {
        this(channel, eventId, conversation, customer, subject, text, receivedAt, category, product, null);
    }

    record Conversation(String conversationId, String requestKey, List<String> repliesTo) {

        static Conversation of(String conversationId) {
            return new Conversation(conversationId, null, List.of());
        }
    }
}
