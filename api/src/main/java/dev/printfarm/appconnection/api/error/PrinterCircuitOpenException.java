package dev.printfarm.appconnection.api.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The printer failed repeatedly, so its calls fail at once, without network traffic, until {@link #openUntil()}
 * ({@link #retryAfter()} from now); then one probe call is let through. Other printers are not affected. Temporary.
 */
public class PrinterCircuitOpenException extends AppConnectionException {

    private final Instant openUntil;

    /** @param retryAfter how long from now until {@code openUntil} */
    public PrinterCircuitOpenException(String connectionId, Instant openUntil, Duration retryAfter) {
        super(
                "App Connection " + connectionId + " failed repeatedly; calls fail fast until " + openUntil,
                connectionId,
                ErrorDetails.none().withRetryAfter(retryAfter.isNegative() ? Duration.ZERO : retryAfter),
                null);
        this.openUntil = Objects.requireNonNull(openUntil, "openUntil");
    }

    /** When the breaker lets a probe through. */
    public Instant openUntil() {
        return openUntil;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
