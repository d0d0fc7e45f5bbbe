package com.sladesk.request;

/** Published inside the transaction that changed a request's classification, routing or responder. */
public record RequestChanged(long requestId) {
}
