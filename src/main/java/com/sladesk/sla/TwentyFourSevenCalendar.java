package com.sladesk.sla;

import java.time.Duration;
import java.time.Instant;

/** Every minute of every day is business time. */
public final class TwentyFourSevenCalendar implements BusinessCalendar {

    public static final String ID = "24x7";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Instant plus(Instant start, Duration businessTime) {
        return start.plus(businessTime);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
