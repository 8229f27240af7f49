package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One connection's place in the fleet: its opened form, its latest view, and where its refreshes stand. */
final class FleetEntry {

    final String id;
    volatile StoredConnection stored;
    volatile PrinterView view;
    /** No request before this moment: the printer rests after missed refreshes. */
    volatile Instant notBefore = Instant.EPOCH;
    /** The refresh queued or under way, if any. */
    volatile CompletableFuture<Void> pending;
    /** Unanswered refreshes in a row; one refresh at a time per entry touches it. */
    int misses;
    /** Refreshes the printer answered; one refresh at a time per entry touches it. */
    long answered;

    FleetEntry(String id, StoredConnection stored) {
        this.id = id;
        this.stored = stored;
    }

    Optional<PrinterView> previous() {
        return Optional.ofNullable(view);
    }
}
