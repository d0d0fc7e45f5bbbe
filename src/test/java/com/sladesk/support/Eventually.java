package com.sladesk.support;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits in real time for what the app's pollers (mailbox, outbox) do on their own; end-to-end tests only. */
public final class Eventually {

    private Eventually() {
    }

    /** The first present value {@code probe} gives within {@code limit}; fails with {@code what} otherwise. */
    public static <T> T await(String what, Duration limit, Callable<Optional<T>> probe) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Optional<T> value = probe.call();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + limit + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
