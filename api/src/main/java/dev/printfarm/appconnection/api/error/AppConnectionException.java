package dev.printfarm.appconnection.api.error;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Root of every failure the module reports. Unchecked. Messages never contain a secret.
 * {@link #isTemporary()} tells whether trying again later can succeed.
 */
public abstract class AppConnectionException extends RuntimeException {

    private final String connectionId;
    private final Integer status;

    protected AppConnectionException(String message, String connectionId, Integer status, Throwable cause) {
        super(message, cause);
        this.connectionId = connectionId;
        this.status = status;
    }

    /** The connection the failure concerns, when it concerns one. */
    public Optional<String> connectionId() {
        return Optional.ofNullable(connectionId);
    }

    /** The HTTP status that was answered, when something answered. */
    public OptionalInt status() {
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** Whether the same call may succeed later without anyone changing anything. */
    public abstract boolean isTemporary();
}
