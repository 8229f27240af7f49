package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Deletes portal flows that expired, on the module's background scheduler every
 * {@code appconnection.portal.purge-interval}, a bounded batch per run. A flow is kept one more flow lifetime after it
 * expires, so a late callback or a page refresh still gets its own answer ("expired", "already stored") rather than
 * "unknown". Harmless on every server of a cluster at once.
 */
@ApplicationScoped
public class FlowPurge {

    static final int BATCH = 1000;
    /** The first run after a start comes after this at most (sooner when the interval is shorter). */
    static final Duration FIRST_RUN = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(FlowPurge.class.getName());

    @Inject
    ConnectionStore store;

    @Inject
    PortalSettings settings;

    @Inject
    Background background;

    Clock clock = Clock.systemUTC();

    void start(@Observes ModuleStarting started) {
        Duration every = settings.purgeInterval();
        background.every("portal flow purge", every.compareTo(FIRST_RUN) < 0 ? every : FIRST_RUN, every, this::purge);
    }

    /** One run: at most {@value #BATCH} flows. */
    void purge() {
        Duration ttl = settings.stateTtl();
        int purged = store.purgeExpiredFlows(clock.instant().minus(ttl), BATCH);
        if (purged > 0) {
            LOG.fine(() -> "Deleted " + purged + " expired portal flows");
        }
    }
}
