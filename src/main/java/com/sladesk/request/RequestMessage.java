package com.sladesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A message in a request's conversation: the customer's, an agent's reply, or an internal note. */
@Entity
public class RequestMessage {

    /** The group of channel gateways: the only callers of the API who write as the customer. */
    public static final String CHANNEL_GROUP = "integrations";

    public enum Author {
        CUSTOMER, AGENT, EXPERT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private Author author;
    private String authorId;
    private boolean internal;
    private String body;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String externalId;
    private Instant createdAt;
    private boolean onBehalfOfCustomer;

    protected RequestMessage() {
    }

    public RequestMessage(long requestId, Author author, String authorId, boolean internal, String body, Channel channel,
            Instant createdAt) {
        this.requestId = requestId;
        this.author = author;
        this.authorId = authorId;
        this.internal = internal;
        this.body = body;
        this.channel = channel;
        this.createdAt = createdAt;
    }

    /** The customer's words, recorded by the agent who is the author (a phone call). */
    RequestMessage onBehalfOfCustomer() {
        this.onBehalfOfCustomer = true;
        return this;
    }

    public boolean isOnBehalfOfCustomer() {
        return onBehalfOfCustomer;
    }

    /** The customer's words: from the customer, or recorded by an agent on the customer's behalf. */
    public boolean isCustomersWords() {
        return author == Author.CUSTOMER || onBehalfOfCustomer;
    }

    RequestMessage withExternalId(String externalId) {
        this.externalId = externalId == null || externalId.isBlank() ? null : externalId;
        return this;
    }

    public Long getId() {
        return id;
    }

    public long getRequestId() {
        return requestId;
    }

    public Author getAuthor() {
        return author;
    }

    public String getAuthorId() {
        return authorId;
    }

    public boolean isInternal() {
        return internal;
    }

    public String getBody() {
        return body;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
