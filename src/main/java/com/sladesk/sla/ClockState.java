package com.sladesk.sla;

/** RUNNING until stopped; BREACHED from the moment the due instant passes; MET when stopped in time. */
public enum ClockState {
    RUNNING, BREACHED, MET
}
