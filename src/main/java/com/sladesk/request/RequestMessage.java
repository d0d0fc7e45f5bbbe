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
