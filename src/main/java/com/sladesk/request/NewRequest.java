package com.sladesk.request;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of POST /api/requests. The size limits are part of the documented API. {@code conversationId} names the
 * chat conversation or call the request came from, so that replies to the customer can go back into it.
 */
public record NewRequest(
        @NotNull Channel channel,
        @Size(max = 200) String externalId,
        OffsetDateTime receivedAt,
        @NotNull @Valid CustomerData customer,
        Category category,
        @Size(max = 200) String product,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 4000) String description,
        @Size(max = 200) String conversationId) {

    /** The external id as it is stored and looked up: without surrounding blanks, none when blank. */
    public NewRequest {
        externalId = externalId == null || externalId.isBlank() ? null : externalId.strip();
    }

    /** A request outside any conversation of a chat or phone system. */
    public NewRequest(Channel channel, String externalId, OffsetDateTime receivedAt, CustomerData customer,
            Category category, String product, String subject, String description) {
        this(channel, externalId, receivedAt, customer, category, product, subject, description, null);
    }

    /** The customer; {@code id}, {@code email} or {@code phone} identifies them, in that order. */
    public record CustomerData(
            @Size(max = 100) String id,
            @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 50) String phone,
            CustomerTier tier) {

        @AssertTrue(message = "needs an id, an email or a phone")
        public boolean isIdentified() {
            return reference() != null;
        }

        public String reference() {
            for (String candidate : new String[] {id, email, phone}) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate.trim();
                }
            }
            return null;
        }
    }
}
