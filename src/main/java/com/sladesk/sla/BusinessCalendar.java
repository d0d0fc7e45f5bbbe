package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;

/** Converts between wall-clock instants and business time. */
public interface BusinessCalendar {

    String id();

    /** The instant at which {@code businessTime} of business time has passed since {@code start}. */
    Instant plus(Instant start, Duration businessTime);

    /** Business time between two instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);
}
