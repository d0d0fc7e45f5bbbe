package com.sladesk.sla;

/**
 * RUNNING until stopped; PAUSED while the request waits on the customer; BREACHED from the moment the due
 * instant passes; MET when stopped in time.
 */
public enum ClockState {
    RUNNING, PAUSED, BREACHED, MET
}
