package dev.printfarm.appconnection.sandbox.gadget;

import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code GetStatusFromAppConnection} answers: {@code State} 0 Disabled, 1 DisabledForCurrentPrint, 2 Idle,
 * 3 Active, 4 PausedDueToFailure; {@code StatusColor} g, y, r or w; {@code Rating} 1 (failure) to 10 (perfect).
 */
public record GadgetStatus(int state, String status, String color, int rating) {

    public static final int DISABLED = 0;
    public static final int DISABLED_FOR_CURRENT_PRINT = 1;
    public static final int IDLE = 2;
    public static final int ACTIVE = 3;
    public static final int PAUSED_DUE_TO_FAILURE = 4;
    public static final Set<String> COLORS = Set.of("g", "y", "r", "w");
    public static final int MAX_STATUS_LENGTH = 100;
    /** The rating of an emulated print that goes well: "great". */
    static final int PRINTING_RATING = 8;

    public GadgetStatus {
        if (state < DISABLED || state > PAUSED_DUE_TO_FAILURE) {
            throw new IllegalArgumentException("state must be 0..4, got " + state);
        }
        Objects.requireNonNull(status, "status");
        if (status.length() > MAX_STATUS_LENGTH) {
            throw new IllegalArgumentException("status must be at most " + MAX_STATUS_LENGTH + " characters");
        }
        if (!COLORS.contains(color)) {
            throw new IllegalArgumentException("color must be g, y, r or w, got " + color);
        }
        if (rating < 1 || rating > 10) {
            throw new IllegalArgumentException("rating must be 1..10, got " + rating);
        }
    }

    /** Without a script: Active with a good rating while a print runs, Idle otherwise (paused included). */
    public static GadgetStatus of(OctoPrintState printer) {
        if (printer.printing()) {
            return new GadgetStatus(ACTIVE, "Looking good", "g", PRINTING_RATING);
        }
        return new GadgetStatus(IDLE, printer.paused() ? "Print paused" : "Waiting for a print", "w", 10);
    }

    public static String defaultStatus(int state) {
        return switch (state) {
            case DISABLED -> "Gadget is disabled";
            case DISABLED_FOR_CURRENT_PRINT -> "Disabled for this print";
            case IDLE -> "Waiting for a print";
            case ACTIVE -> "Looking good";
            default -> "Paused: possible failure";
        };
    }

    public static int defaultRating(int state) {
        return switch (state) {
            case ACTIVE -> PRINTING_RATING;
            case PAUSED_DUE_TO_FAILURE -> 1;
            default -> 10;
        };
    }

    /** Active: by rating (1–3 r, 4–5 y, 6–10 g); paused due to failure r; the other states w. */
    public static String defaultColor(int state, int rating) {
        return switch (state) {
            case ACTIVE -> rating <= 3 ? "r" : rating <= 5 ? "y" : "g";
            case PAUSED_DUE_TO_FAILURE -> "r";
            default -> "w";
        };
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("State", state)
                .add("Status", status)
                .add("StatusColor", color)
                .add("Rating", rating)
                .build();
    }
}
