package dev.printfarm.appconnection.api.error;

import java.time.Instant;
import java.util.Objects;

/**
 * The printer failed repeatedly, so its calls fail at once, without network traffic, until
 * {@link #retryAfter()}; then one probe call is let through. Other printers are not affected. Temporary.
 */
public class PrinterCircuitOpenException extends AppConnectionException {

    private final Instant retryAfter;

    public PrinterCircuitOpenException(String connectionId, Instant retryAfter) {
        super("App Connection " + connectionId + " failed repeatedly; calls fail fast until " + retryAfter,
                connectionId, null, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Instant retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
