package dev.printfarm.appconnection.impl.cluster;

import dev.printfarm.appconnection.impl.store.StoreStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work that must run once per cluster (Info refresh, webhook renewal) asks {@link #holds(String)} before
 * each round: one server holds a named lease in the shared database and renews it while it runs; the others skip.
 * When the holder stops cleanly it lets go at once; when it dies, another server takes over once the lease expires
 * ({@code appconnection.cluster.lease-ttl}). Server clocks must agree to well within the lease time (NTP).
 *
 * <p>Why not Liberty's persistent executor or EJB persistent timers: their fail-over works only with a missed-task
 * threshold of 100 s or more, the executor's API is Liberty's own (the module is a plain CDI library), and EJB timers
 * would make the module an EJB module; a row lock in the database the servers already share does the job portably,
 * with take-over bounded by the lease time.
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class.getName());

    @Inject
    LeaseStore store;

    @Inject
    ClusterSettings settings;

    @Inject
    StoreStartup storeStartup;

    private final Clock clock = Clock.systemUTC();
    /** This application on this server: the JVM's name (pid@host) and a random part, new on every start. */
    private final String me = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    /** The leases this server holds, with when it renewed each. */
    private final Map<String, Instant> held = new ConcurrentHashMap<>();

    /** Whether this server should do the named work now; renews the lease (at most every third of its time). */
    public boolean holds(String name) {
        Duration ttl = settings.leaseTtl();
        Instant now = clock.instant();
        Instant renewed = held.get(name);
        if (renewed != null && now.isBefore(renewed.plus(ttl.dividedBy(3)))) {
            return true;
        }
        if (!storeStartup.ready()) {
            return false;
        }
        boolean mine;
        try {
            mine = store.claim(name, me, now, ttl);
        } catch (RuntimeException e) {
            // Another server created the lease at the same moment, or the database is unavailable: not ours now.
            LOG.log(Level.FINE, "Lease " + name + " not taken", e);
            mine = false;
        }
        if (mine) {
            if (held.put(name, now) == null) {
                LOG.info(() -> "This server now runs " + name + " for the cluster (" + me + ")");
            }
        } else if (held.remove(name) != null) {
            LOG.info(() -> "Another server runs " + name + " for the cluster now");
        }
        return mine;
    }

    /** This server's holder id, as the lease table shows it. */
    public String holder() {
        return me;
    }

    /** On a clean stop, while the store is still open: another server takes the work over at once. */
    void releaseAll(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        releaseAll();
    }

    void releaseAll() {
        for (String name : held.keySet()) {
            try {
                store.release(name, me, clock.instant());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Lease " + name + " not released; it expires by itself", e);
            }
        }
        held.clear();
    }
}
