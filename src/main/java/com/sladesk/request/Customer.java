package com.sladesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A customer, known by the reference a channel gives (customer id, else e-mail, else phone). */
@Entity
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String customerRef;
    private String name;
    private String email;
    private String phone;
    @Enumerated(EnumType.STRING)
    private CustomerTier tier;
    private Instant createdAt;

    protected Customer() {
    }

    public Customer(String customerRef, String name, String email, String phone, CustomerTier tier, Instant createdAt) {
        this.customerRef = customerRef;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.tier = tier;
        this.createdAt = createdAt;
    }

    /** A channel that knows better (a VIP contract signed since) changes the tier for new requests. */
    void changeTier(CustomerTier newTier) {
        this.tier = newTier;
    }

    public Long getId() {
        return id;
    }

    public String getCustomerRef() {
        return customerRef;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public CustomerTier getTier() {
        return tier;
    }
}
