package dev.printfarm.appconnection.api.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every failure the module reports. Unchecked. The type says what happened; separate facts are separate
 * fields: OctoEverywhere's code ({@link #octoEverywhereCode()}), the printer's HTTP status and error body
 * ({@link #printerStatus()}, {@link #printerBody()}), how long to wait ({@link #retryAfter()}); a fact nobody
 * reported is empty, never made up. {@link #isTemporary()} tells whether trying again later can succeed. No message,
 * field or {@code toString()} carries a secret.
 */
public abstract class AppConnectionException extends RuntimeException {

    private final String connectionId;
    private final Integer octoEverywhereCode;
    private final Integer printerStatus;
    private final String printerBody;
    private final Duration retryAfter;

    protected AppConnectionException(String message, String connectionId, ErrorDetails details, Throwable cause) {
        super(message, cause);
        Objects.requireNonNull(details, "details");
        this.connectionId = connectionId;
        this.octoEverywhereCode = details.octoEverywhereCode().isPresent()
                ? details.octoEverywhereCode().getAsInt()
                : null;
        this.printerStatus =
                details.printerStatus().isPresent() ? details.printerStatus().getAsInt() : null;
        this.printerBody = details.printerBody().orElse(null);
        this.retryAfter = details.retryAfter().orElse(null);
    }

    /** The connection the failure concerns, when it concerns one. */
    public Optional<String> connectionId() {
        return Optional.ofNullable(connectionId);
    }

    /** OctoEverywhere's code (600–699), when OctoEverywhere answered this call with one. */
    public OptionalInt octoEverywhereCode() {
        return octoEverywhereCode == null ? OptionalInt.empty() : OptionalInt.of(octoEverywhereCode);
    }

    /** The printer's HTTP status, when the printer answered. */
    public OptionalInt printerStatus() {
        return printerStatus == null ? OptionalInt.empty() : OptionalInt.of(printerStatus);
    }

    /**
     * The start of the printer's error body as text (at most {@link ErrorDetails#MAX_BODY_CHARS} characters, control
     * characters replaced, the connection's secrets removed), when the printer answered with one.
     */
    public Optional<String> printerBody() {
        return Optional.ofNullable(printerBody);
    }

    /** How long to wait before the same call may succeed, when the answer said so or the module knows. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** All of the above in one value. */
    public ErrorDetails details() {
        return new ErrorDetails(octoEverywhereCode(), printerStatus(), printerBody(), retryAfter());
    }

    /** Whether the same call may succeed later without anyone changing anything. */
    public abstract boolean isTemporary();
}
