package com.sladesk.request;

/** Where a request stands in its life cycle. */
public enum RequestStatus {
    NEW, IN_PROGRESS, WITH_EXPERTS, RESOLVED, CLOSED
}
