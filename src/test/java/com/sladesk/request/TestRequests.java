package com.sladesk.request;

import java.time.OffsetDateTime;

/** Request bodies for tests. */
public final class TestRequests {

    private TestRequests() {
    }

    /** A VIP customer's outage by e-mail: URGENT, first response in 15 minutes, resolution in 4 hours. */
    public static NewRequest vipOutageByEmail(String customerId) {
        return new NewRequest(Channel.EMAIL, null, null,
                new NewRequest.CustomerData(customerId, "Acme Ltd", customerId + "@acme.example", null,
                        CustomerTier.VIP),
                Category.FAULT, "Router X1", "Outage at our headquarters", "Nothing works since 9:00");
    }

    /** A standard customer's inquiry on the web: first response in 1 hour, resolution in 24 hours. */
    public static NewRequest standardInquiryOnWeb(String customerId, String externalId, OffsetDateTime receivedAt) {
        return new NewRequest(Channel.WEB, externalId, receivedAt,
                new NewRequest.CustomerData(customerId, "Jane Doe", customerId + "@example.com", null,
                        CustomerTier.STANDARD),
                Category.INQUIRY, null, "How do I change my plan?", "I want the bigger one.");
    }
}
