package com.sladesk.request;

import org.springframework.security.core.Authentication;

/** Who may give a customer's answer for the customer: confirm, reopen, or record the customer's words. */
public interface CustomerProxies {

    /** True for a channel, and for staff allowed to act for the customer of {@code requestKey}. */
    boolean mayActFor(Authentication user, String requestKey);
}
