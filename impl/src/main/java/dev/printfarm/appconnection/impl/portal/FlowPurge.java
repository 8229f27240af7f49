package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Deletes portal flows that expired, on the module's background scheduler, a bounded batch per run. A flow is kept one
 * more flow lifetime after it expires, so a late callback or a page refresh still gets its own answer ("expired",
 * "already stored") rather than "unknown". Harmless on every server of a cluster at once.
 */
@ApplicationScoped
public class FlowPurge {

    static final int BATCH = 1000;
    static final Duration EVERY = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(FlowPurge.class.getName());

    @Inject
    ConnectionStore store;

    @Inject
    ModuleConfig config;

    @Inject
    Background background;

    Clock clock = Clock.systemUTC();

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        background.every("portal flow purge", Duration.ofMinutes(1), EVERY, this::purge);
    }

    /** One run: at most {@value #BATCH} flows. */
    void purge() {
        Duration ttl = config.flowTtl();
        int purged = store.purgeExpiredFlows(clock.instant().minus(ttl), BATCH);
        if (purged > 0) {
            LOG.fine(() -> "Deleted " + purged + " expired portal flows");
        }
    }
}
