package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.internal.LogThrottle;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.logging.Logger;

/** Counts each refused callback by reason, and logs each reason at most once a minute. */
@ApplicationScoped
public class CallbackRefusals {

    private static final Logger LOG = Logger.getLogger(CallbackRefusals.class.getName());

    @Inject
    ModuleMetrics metrics;

    private final LogThrottle<CallbackRefusal> throttle = new LogThrottle<>(Clock.systemUTC(), Duration.ofMinutes(1));

    /** @param detail a text that quotes no input (e.g. an {@link InvalidCallbackException}'s message) */
    public void refused(CallbackRefusal reason, String detail) {
        metrics.portalRefused(reason.tag());
        OptionalLong unlogged = throttle.admit(reason);
        if (unlogged.isPresent()) {
            long more = unlogged.getAsLong();
            LOG.info(() -> "Refused an App Connection portal callback (" + reason.tag() + "): " + detail
                    + (more > 0 ? " (" + more + " more refused for this reason since the last line)" : ""));
        }
    }
}
