package com.sladesk.channel;

import java.time.Instant;

import com.sladesk.request.Channel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A mail or channel event we processed, and the request it opened or was added to. */
@Entity
class InboundEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String eventId;
    private String conversationId;
    private long requestId;
    private Long messageId;
    private Instant receivedAt;
    private String clientAddress;

    protected InboundEvent() {
    }

    InboundEvent(Channel channel, String eventId, String conversationId, long requestId, Long messageId,
            Instant receivedAt, String clientAddress) {
        this.clientAddress = clientAddress;
        this.channel = channel;
        this.eventId = eventId;
        this.conversationId = conversationId;
        this.requestId = requestId;
        this.messageId = messageId;
        this.receivedAt = receivedAt;
    }

    long getRequestId() {
        return requestId;
    }

    Long getMessageId() {
        return messageId;
    }
}
