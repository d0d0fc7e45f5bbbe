package com.sladesk.request;

/** The caller may not do this to a request (403), whatever the request's state. */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
