package dev.printfarm.appconnection.api.fleet;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the fleet monitor last learned about one connection's printer.
 *
 * @param statusText  the printer's status in words ("Printing", "Operational", "Paused", "Error", ...), the same words
 *                    for every platform; empty until the printer answered
 * @param job         the job, when the printer answered
 * @param lastError   why the last refresh failed, with a remedy link where there is one (605: the supporter page)
 * @param updatedAt   when the printer or OctoEverywhere last answered for it
 */
public record PrinterView(String connectionId, String printerName, ConnectionState state, ConnectionRoute route,
                              Optional<String> statusText, Optional<PrintJob> job, List<Temperature> temperatures,
                              Optional<Failure> lastError, Instant updatedAt) {

    /** A refresh failure as the console shows it. */
    public record Failure(OptionalInt status, String message, boolean temporary, Optional<URI> remedy) {
        public Failure {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(remedy, "remedy");
        }
    }

    public PrinterView {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(statusText, "statusText");
        Objects.requireNonNull(job, "job");
        temperatures = List.copyOf(temperatures);
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
