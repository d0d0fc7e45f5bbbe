package com.sladesk.survey;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A customer's answer to the satisfaction survey; one per request (unique key). */
@Entity
public class SurveyAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    private int score;
    private String comment;
    private Instant answeredAt;

    protected SurveyAnswer() {
    }

    SurveyAnswer(long requestId, int score, String comment, Instant answeredAt) {
        this.requestId = requestId;
        this.score = score;
        this.comment = comment;
        this.answeredAt = answeredAt;
    }

    public long getRequestId() {
        return requestId;
    }

    public int getScore() {
        return score;
    }

    public String getComment() {
        return comment;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
