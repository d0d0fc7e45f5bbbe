package com.sladesk.request;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The desk's time: the process engine's clock once the process layer is up (tests move it, and timers fire by
 * it), the system clock before. Every instant the desk records comes from here.
 */
public final class DeskClock {

    private static volatile Supplier<Instant> source = Instant::now;

    private DeskClock() {
    }

    public static Instant now() {
        return source.get();
    }

    /** Called once by the process layer, which owns the engine's clock. */
    public static void use(Supplier<Instant> clock) {
        source = clock;
    }
}
