package com.sladesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Audit of one reclassification: who changed priority, category or tier, why, from what to what. */
@Entity
public class Reclassification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long requestId;
    private String changedBy;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Priority oldPriority;
    @Enumerated(EnumType.STRING)
    private Priority newPriority;
    @Enumerated(EnumType.STRING)
    private Category oldCategory;
    @Enumerated(EnumType.STRING)
    private Category newCategory;
    @Enumerated(EnumType.STRING)
    private CustomerTier oldTier;
    @Enumerated(EnumType.STRING)
    private CustomerTier newTier;
    private Instant changedAt;

    protected Reclassification() {
    }

    /** Records the request's values before and after; call it after the request was reclassified. */
    public Reclassification(ServiceRequest before, Priority oldPriority, Category oldCategory, CustomerTier oldTier,
            String changedBy, String reason, Instant changedAt) {
        this.requestId = before.getId();
        this.oldPriority = oldPriority;
        this.oldCategory = oldCategory;
        this.oldTier = oldTier;
        this.newPriority = before.getPriority();
        this.newCategory = before.getCategory();
        this.newTier = before.getCustomerTier();
        this.changedBy = changedBy;
        this.reason = reason;
        this.changedAt = changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getReason() {
        return reason;
    }

    public Priority getOldPriority() {
        return oldPriority;
    }

    public Priority getNewPriority() {
        return newPriority;
    }

    public Category getOldCategory() {
        return oldCategory;
    }

    public Category getNewCategory() {
        return newCategory;
    }

    public CustomerTier getOldTier() {
        return oldTier;
    }

    public CustomerTier getNewTier() {
        return newTier;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
