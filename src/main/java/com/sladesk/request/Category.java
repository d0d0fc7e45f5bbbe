package com.sladesk.request;

/** What a request is about; UNCLASSIFIED when the customer did not say. */
public enum Category {
    FAULT, INSTALLATION, BILLING, INQUIRY, COMPLAINT, RETURN, UNCLASSIFIED
}
