package com.sladesk.request;

/** Where a request stands in its life cycle. */
public enum RequestStatus {
    NEW, IN_PROGRESS, WITH_EXPERTS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, CLOSED_NO_REPLY
}
