package com.sladesk.notify;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An outbound message in the outbox, written in the transaction of the event that caused it. */
@Entity
public class Notification {

    public enum Kind {
        ACKNOWLEDGEMENT, REPLY, QUESTION, RESOLUTION, SURVEY, REMINDER, WARNING, ESCALATION, SLA_SUMMARY
    }

    public enum Status {
        PENDING, SENDING, SENT, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    /** Null for notices about no single request (the weekly SLA summary). */
    private Long requestId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String recipient;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private String lastError;
    private String dedupeKey;
    private Instant createdAt;
    private Instant sentAt;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    private String messageId;
    private String threadRef;

    protected Notification() {
    }

    public Notification(Long requestId, Kind kind, String recipient, String subject, String body, String dedupeKey,
            Instant createdAt) {
        this.requestId = requestId;
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.dedupeKey = dedupeKey;
        this.createdAt = createdAt;
        this.status = Status.PENDING;
        this.nextAttemptAt = createdAt;
    }

    /** The Message-ID an e-mail goes out with, and the message or conversation it answers. */
    Notification threaded(String messageId, String threadRef) {
        this.messageId = messageId;
        this.threadRef = threadRef;
        return this;
    }

    void sent(Instant at) {
        status = Status.SENT;
        attempts++;
        sentAt = at;
        claimedUntil = null;
        lastError = null;
    }

    /** Another try after {@code retryAt}, or FAILED once the attempts are used up. */
    void failed(String error, Instant retryAt, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
        claimedUntil = null;
        status = attempts >= maxAttempts ? Status.FAILED : Status.PENDING;
        nextAttemptAt = retryAt;
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getThreadRef() {
        return threadRef;
    }
}
