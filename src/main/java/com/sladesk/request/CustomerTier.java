package com.sladesk.request;

/** Service tier of a customer; decides targets and escalation. */
public enum CustomerTier {
    VIP, GOLD, STANDARD
}
