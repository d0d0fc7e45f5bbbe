package com.sladesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The customer's answer to a resolution (confirmed, reopened) and who gave or recorded it. */
@Entity
public class CustomerAnswer {

    public enum Answer {
        CONFIRMED, REOPENED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    @Enumerated(EnumType.STRING)
    private Answer answer;
    private String recordedBy;
    private Instant recordedAt;

    protected CustomerAnswer() {
    }

    CustomerAnswer(long requestId, Answer answer, String recordedBy, Instant recordedAt) {
        this.requestId = requestId;
        this.answer = answer;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Answer getAnswer() {
        return answer;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
