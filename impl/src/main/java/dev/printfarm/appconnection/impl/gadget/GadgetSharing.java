package dev.printfarm.appconnection.impl.gadget;

import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.impl.cluster.ClusterWork;
import dev.printfarm.appconnection.impl.cluster.SharedFeed;
import dev.printfarm.appconnection.impl.cluster.SharedItems;
import dev.printfarm.appconnection.impl.cluster.SharedStore;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the servers of a cluster tell each other about Gadget through the shared store: which connections each server
 * watches (renewed every {@value #WATCH_RENEW_SECONDS} s, lapsing when a server stops renewing), and the answers the
 * polling server had ({@link SharedFeed}). {@link GadgetMonitor} decides when to call; this class only writes and
 * reads, and a store that fails is logged and skipped, never thrown at the monitor's tick.
 */
@ApplicationScoped
class GadgetSharing {

    private static final Logger LOG = Logger.getLogger(GadgetSharing.class.getName());
    static final String WATCH_KIND = "gadget-watch";
    static final String UPDATE_KIND = "gadget-update";
    static final int WATCH_RENEW_SECONDS = 10;
    /** A server's wish to have a connection watched lapses when not renewed for this long (it stopped or died). */
    private static final Duration WATCH_LAPSES = Duration.ofSeconds(3L * WATCH_RENEW_SECONDS);

    private static final Duration FOLLOW_OVERLAP = Duration.ofSeconds(3);

    @Inject
    ClusterWork cluster;

    @Inject
    SharedStore shared;

    private volatile SharedFeed updates;
    private volatile Instant advertisedAt = Instant.EPOCH;

    @PostConstruct
    void openFeed() {
        updates = new SharedFeed(shared, UPDATE_KIND, FOLLOW_OVERLAP);
    }

    /** This server's watches changed: write them at the next tick rather than at the next renewal. */
    void watchesChanged() {
        advertisedAt = Instant.EPOCH;
    }

    /** Writes this server's watched connections to the store when they are due for renewal. */
    void advertise(Instant now, Set<String> watched) {
        if (Duration.between(advertisedAt, now).toSeconds() < WATCH_RENEW_SECONDS || watched.isEmpty()) {
            return;
        }
        Map<String, String> rows = new HashMap<>();
        watched.forEach(id -> rows.put(id + " " + cluster.me(), id));
        try {
            shared.write(WATCH_KIND, rows, now, cluster.me());
            advertisedAt = now;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gadget watches could not be shared through the store", e);
        }
    }

    /** This server no longer watches the connection; when the store fails the wish lapses by itself. */
    void unadvertise(String connectionId) {
        try {
            shared.delete(WATCH_KIND, connectionId + " " + cluster.me());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Gadget watch of " + connectionId + " not withdrawn; it lapses by itself", e);
        }
    }

    /** The connections some server of the cluster watches now; empty when the store cannot be read. */
    Optional<Set<String>> watchedAnywhere(Instant now) {
        Set<String> wanted = new HashSet<>();
        try {
            for (SharedItems.Item item : shared.writtenSince(WATCH_KIND, now.minus(WATCH_LAPSES))) {
                wanted.add(item.payload());
            }
            return Optional.of(wanted);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gadget watches of other servers could not be read", e);
            return Optional.empty();
        }
    }

    /** Shares an answer this server had with the others. */
    void share(GadgetUpdate update) {
        try {
            updates.queue(update.connectionId(), GadgetUpdateJson.write(update));
            updates.flush(update.at(), cluster.me());
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "A Gadget answer for " + update.connectionId() + " could not be shared through the store",
                    e);
        }
    }

    /** The answers other servers shared since the last call, each once; unreadable ones are skipped. */
    List<GadgetUpdate> news(ErrorMapper errors) {
        List<SharedItems.Item> items;
        try {
            items = updates.news(null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Gadget answers could not be read from the store", e);
            return List.of();
        }
        List<GadgetUpdate> read = new ArrayList<>(items.size());
        for (SharedItems.Item item : items) {
            try {
                read.add(GadgetUpdateJson.read(item.payload(), errors));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Shared Gadget answer for " + item.item() + " not read", e);
            }
        }
        return read;
    }
}
