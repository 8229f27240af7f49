package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.cluster.SharedFeed;
import dev.printfarm.appconnection.impl.cluster.SharedItems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fleet's views between the servers of a cluster: the server refreshing for the cluster queues every changed view
 * (and every view at least every {@value #HEARTBEAT_SECONDS} s, so the others see a recent {@code updatedAt}) and
 * writes them once per tick; the others read what was written since their last look. Without a shared store it does
 * nothing.
 */
final class FleetSharing {

    private static final Logger LOG = Logger.getLogger(FleetSharing.class.getName());
    /** The kind of the shared items holding views. */
    static final String KIND = "fleet-snapshot";
    /** A view unchanged for this long is written again. */
    static final int HEARTBEAT_SECONDS = 30;
    /** Rows are read again this far back: a write stamped earlier may have committed after the last look. */
    private static final Duration OVERLAP = Duration.ofSeconds(3);

    private final SharedFeed feed;
    private final ClusterWork cluster;
    private final Clock clock;

    FleetSharing(SharedItems items, ClusterWork cluster, Clock clock) {
        this.feed = new SharedFeed(items, KIND, OVERLAP);
        this.cluster = cluster;
        this.clock = clock;
    }

    /** A view learned on this server: queued for the others when it changed or its heartbeat is due. */
    void learned(PrinterView view, boolean changed) {
        if (cluster.sharing()
                && (changed
                        || Duration.between(feed.writtenAt(view.connectionId()), clock.instant())
                                        .toSeconds()
                                >= HEARTBEAT_SECONDS)) {
            feed.queue(view.connectionId(), SnapshotJson.write(view));
        }
    }

    /** Writes what was queued, in one transaction; on failure it stays queued for the next tick. */
    void flush(Instant now) {
        if (!feed.hasQueued() || !cluster.sharing()) {
            return;
        }
        try {
            feed.flush(now, cluster.me());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Fleet views could not be shared through the store", e);
        }
    }

    /** This server stopped refreshing for the cluster: what it queued is not its to write any more. */
    void stopSharing() {
        feed.clearQueue();
    }

    /** The views other servers wrote since the last look; unreadable rows are skipped. */
    List<PrinterView> news() {
        if (!cluster.ready()) {
            return List.of();
        }
        List<SharedItems.Item> items;
        try {
            items = feed.news(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Fleet views could not be read from the store", e);
            return List.of();
        }
        List<PrinterView> views = new ArrayList<>(items.size());
        for (SharedItems.Item item : items) {
            try {
                views.add(SnapshotJson.read(item.payload()));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Shared fleet view of " + item.item() + " not read", e);
            }
        }
        return views;
    }

    /** Forgets a removed connection's view here and, in a cluster, in the store. */
    void forget(String connectionId) {
        try {
            feed.forget(connectionId, cluster.sharing() && cluster.ready());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Shared fleet view of " + connectionId + " not deleted", e);
        }
    }
}
