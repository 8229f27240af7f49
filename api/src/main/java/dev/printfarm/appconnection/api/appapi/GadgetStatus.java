package dev.printfarm.appconnection.api.appapi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Gadget's (OctoEverywhere's AI print-failure detection) verdict on the current print.
 *
 * @param status a few words for the operator
 * @param rating 1 (failure) to 10 (perfect); see {@link #meaning()}
 */
public record GadgetStatus(State state, Optional<String> status, Color color, OptionalInt rating) {

    /** Gadget's state; {@link #UNKNOWN} for a value OctoEverywhere may add later. */
    public enum State {
        DISABLED,
        DISABLED_FOR_CURRENT_PRINT,
        IDLE,
        ACTIVE,
        PAUSED_DUE_TO_FAILURE,
        UNKNOWN
    }

    /** The colour OctoEverywhere suggests for the status: green, yellow, red, white (neutral). */
    public enum Color {
        GREEN,
        YELLOW,
        RED,
        WHITE
    }

    public GadgetStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(rating, "rating");
        if (rating.isPresent() && (rating.getAsInt() < 1 || rating.getAsInt() > 10)) {
            throw new IllegalArgumentException("a Gadget rating is 1 to 10, got " + rating.getAsInt());
        }
    }

    /** What the rating means, as OctoEverywhere documents it; empty without a rating. */
    public Optional<String> meaning() {
        if (rating.isEmpty()) {
            return Optional.empty();
        }
        int r = rating.getAsInt();
        return Optional.of(
                r == 1
                        ? "failure"
                        : r == 2
                                ? "probable failure"
                                : r == 3
                                        ? "possible failure"
                                        : r <= 5 ? "monitoring" : r <= 7 ? "good" : r <= 9 ? "great" : "perfect");
    }
}
