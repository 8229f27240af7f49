package dev.printfarm.appconnection.api.appapi;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer of the Gadget monitor for a watched connection: Gadget's verdict, or why there is none (for
 * example {@code 610}, the printer's plugin must be updated, or {@code 611}, no beta access). Delivered to the
 * watch's listeners and fired as a CDI event, once per poll however many listeners there are.
 */
public record GadgetUpdate(
        String connectionId, Instant at, Optional<GadgetStatus> status, Optional<AppConnectionException> failure) {

    public GadgetUpdate {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        if (status.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a Gadget update carries either a status or a failure");
        }
    }

    public static GadgetUpdate of(String connectionId, Instant at, GadgetStatus status) {
        return new GadgetUpdate(connectionId, at, Optional.of(status), Optional.empty());
    }

    public static GadgetUpdate failed(String connectionId, Instant at, AppConnectionException failure) {
        return new GadgetUpdate(connectionId, at, Optional.empty(), Optional.of(failure));
    }
}
