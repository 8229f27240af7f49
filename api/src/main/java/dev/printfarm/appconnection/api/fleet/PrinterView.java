package dev.printfarm.appconnection.api.fleet;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
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
public record PrinterView(
        String connectionId,
        String printerName,
        ConnectionState state,
        ConnectionRoute route,
        Optional<String> statusText,
        Optional<PrintJob> job,
        List<Temperature> temperatures,
        Optional<Failure> lastError,
        Instant updatedAt) {

    /**
     * A refresh failure as the console shows it: OctoEverywhere's code and the printer's status are separate facts,
     * as on the exception it was made from.
     */
    public record Failure(
            OptionalInt octoEverywhereCode,
            OptionalInt printerStatus,
            String message,
            boolean temporary,
            Optional<URI> remedy) {
        public Failure {
            Objects.requireNonNull(octoEverywhereCode, "octoEverywhereCode");
            Objects.requireNonNull(printerStatus, "printerStatus");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(remedy, "remedy");
        }

        /** The failure as the view keeps it; the remedy of a suspension (605) is the supporter page. */
        public static Failure of(AppConnectionException e) {
            return new Failure(
                    e.octoEverywhereCode(),
                    e.printerStatus(),
                    String.valueOf(e.getMessage()),
                    e.isTemporary(),
                    e instanceof ConnectionSuspendedException s ? Optional.of(s.supporterUrl()) : Optional.empty());
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
