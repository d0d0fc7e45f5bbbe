package com.sladesk.request;

/** Input that passed syntax checks but cannot be accepted; answered as 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String getField() {
        return field;
    }
}
