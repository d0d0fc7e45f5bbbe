package com.sladesk.request;

/** The request's state does not allow this now (409): it is resolved, closed, not waiting, past a window. */
public class RequestStateException extends RuntimeException {

    public RequestStateException(ServiceRequest request, String problem) {
        super("Request %s is %s and %s".formatted(request.getRequestKey(), request.getStatus(), problem));
    }
}
