package dev.printfarm.appconnection.impl.metrics;

import dev.printfarm.appconnection.api.ConnectionRoute;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Records into MicroProfile Metrics' application registry. The only class of the module that names a MicroProfile
 * Metrics type: it is loaded only after {@link MetricsRecorders} found that API, so a server without it never
 * resolves these types. Not a CDI bean for the same reason.
 */
final class MpMetricsRecorder implements MetricsRecorder {

    private final MetricRegistry registry;

    private MpMetricsRecorder(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The application registry when a bean provides it; empty when the API is there but no implementation is. */
    static Optional<MetricsRecorder> from(Instance<Object> beans) {
        Instance<MetricRegistry> registry = beans.select(MetricRegistry.class);
        return registry.isResolvable() ? Optional.of(new MpMetricsRecorder(registry.get())) : Optional.empty();
    }

    @Override
    public void relayCall(ConnectionRoute route, String outcome) {
        registry.counter(
                        ModuleMetrics.RELAY_CALLS,
                        new Tag("route", route.name().toLowerCase(Locale.ROOT)),
                        new Tag("outcome", outcome))
                .inc();
    }

    @Override
    public void breakersOpen(IntSupplier open) {
        registry.gauge(ModuleMetrics.BREAKERS_OPEN, open, IntSupplier::getAsInt);
    }

    @Override
    public void fleetRefresh(Duration took, String state) {
        registry.timer(ModuleMetrics.FLEET_REFRESH, new Tag("state", state)).update(took);
    }

    @Override
    public void fleetWaiting(IntSupplier waiting) {
        registry.gauge(ModuleMetrics.FLEET_WAITING, waiting, IntSupplier::getAsInt);
    }

    @Override
    public void gadgetCall(String outcome) {
        registry.counter(ModuleMetrics.GADGET_CALLS, new Tag("outcome", outcome))
                .inc();
    }

    @Override
    public void portalRefused(String reason) {
        registry.counter(ModuleMetrics.PORTAL_REFUSED, new Tag("reason", reason))
                .inc();
    }

    @Override
    public void webhookDelivery(String outcome) {
        registry.counter(ModuleMetrics.WEBHOOK_DELIVERIES, new Tag("outcome", outcome))
                .inc();
    }

    @Override
    public String toString() {
        return "MicroProfile Metrics";
    }
}
