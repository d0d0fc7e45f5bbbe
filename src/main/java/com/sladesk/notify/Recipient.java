package com.sladesk.notify;

import java.util.Locale;

/**
 * Who a notification goes to: a staff user or group (by e-mail, a group also by its webhook), the customer (an
 * address, or the customer's reference on a channel), or a webhook target. Stored as {@code kind:value}.
 */
public record Recipient(Kind kind, String value) {

    public enum Kind {
        USER, GROUP, CUSTOMER, WEBHOOK
    }

    public static Recipient user(String userId) {
        return new Recipient(Kind.USER, userId);
    }

    public static Recipient group(String groupId) {
        return new Recipient(Kind.GROUP, groupId);
    }

    public static Recipient customer(String addressOrReference) {
        return new Recipient(Kind.CUSTOMER, addressOrReference);
    }

    public static Recipient webhook(String target) {
        return new Recipient(Kind.WEBHOOK, target);
    }

    /** The stored form, e.g. {@code group:team-leads}. */
    public String address() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
    }

    /** The recipient a stored {@code kind:value} names. */
    public static Recipient parse(String address) {
        int colon = address.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a recipient: " + address);
        }
        return new Recipient(Kind.valueOf(address.substring(0, colon).toUpperCase(Locale.ROOT)),
                address.substring(colon + 1));
    }

    @Override
    public String toString() {
        return address();
    }
}
