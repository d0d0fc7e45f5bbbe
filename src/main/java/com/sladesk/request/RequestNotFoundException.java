package com.sladesk.request;

/** No request has this key (404). */
public class RequestNotFoundException extends RuntimeException {

    public RequestNotFoundException(String key) {
        super("No request with key " + key);
    }
}
