package dev.printfarm.appconnection.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; no fixed sleeps in the tests. */
public final class Await {

    private Await() {}

    public static void until(Duration within, BooleanSupplier condition, Supplier<String> failure) {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + within + ": " + failure.get());
            }
            pause(Duration.ofMillis(100));
        }
    }

    /**
     * Lets time pass: for the tests whose subject is what happens (or must not happen) during a stretch of time, such
     * as a monitor's polling rate.
     */
    public static void during(Duration stretch) {
        pause(stretch);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
