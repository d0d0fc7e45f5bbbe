package com.sladesk.request;

/** A request was taken in; published inside the intake's transaction, so listeners write in it too. */
public record RequestReceived(ServiceRequest request) {
}
