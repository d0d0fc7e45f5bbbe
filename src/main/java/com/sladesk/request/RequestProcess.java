package com.sladesk.request;

/**
 * What the desk asks of a request's process; the process layer carries it out on the engine (so nothing in
 * this package knows the engine).
 */
public interface RequestProcess {

    /** Starts the process of a request just written; answers the process instance id. */
    String start(ServiceRequest request);

    /**
     * Tells the request's process what the customer did; false when the process does not wait for it (not
     * waiting on the customer, past the reopen window).
     */
    boolean deliver(ServiceRequest request, CustomerMove move);

    /**
     * Raises the priority of the open tasks of a request's process instance by {@code by} (a request at risk of
     * breaching), each task read and written under the engine's optimistic lock.
     */
    void raiseTaskPriorities(String processInstanceId, int by);

    /**
     * The loop with the customer was closed outside the process (the survey answered): a running FOLLOW_UP clock
     * stops, saying {@code how}, and the process's follow-up task goes.
     */
    void loopClosed(ServiceRequest request, String how);

    /** What a customer does that the process waits for. */
    enum CustomerMove {
        REPLIED, CONFIRMED, REOPENED
    }
}
