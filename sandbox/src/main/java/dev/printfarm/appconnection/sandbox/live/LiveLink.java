package dev.printfarm.appconnection.sandbox.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Live Link created through {@code POST /api/live/createfromappconnection}.
 *
 * @param printId the print it ends with, when {@code EndWhenCurrentPrintIsComplete} was true
 */
public record LiveLink(
        String liveId,
        String connectionId,
        String printerId,
        int expirationHours,
        boolean endWhenCurrentPrintIsComplete,
        Optional<String> printId,
        Instant createdAt,
        String url,
        String shortUrl) {

    public LiveLink {
        Objects.requireNonNull(liveId, "liveId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(printId, "printId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(shortUrl, "shortUrl");
    }

    public Instant expiresAt() {
        return createdAt.plus(Duration.ofHours(expirationHours));
    }

    /** Not expired, and, when it ends with its print, that print is still the printer's current one. */
    public boolean activeAt(Instant now, Optional<String> currentPrintId) {
        return now.isBefore(expiresAt()) && (printId.isEmpty() || printId.equals(currentPrintId));
    }
}
