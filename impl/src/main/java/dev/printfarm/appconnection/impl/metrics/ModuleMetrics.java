package dev.printfarm.appconnection.impl.metrics;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The module's metrics in the application registry (feature {@code mpMetrics-5.1}, Prometheus text at {@code /metrics}):
 * relayed calls by route and outcome, open breakers, fleet refreshes, Gadget calls, webhook deliveries and refused
 * portal callbacks. No metric carries a connection id: the number of series stays the same for 10 or 10,000
 * printers, and an anonymous {@code /metrics} names no connection. Per printer, the API tells (its state, snapshot,
 * {@code PrinterCircuitOpenException}). Names and tags are listed in the README.
 */
@ApplicationScoped
public class ModuleMetrics {

    static final String RELAY_CALLS = "appconnection.relay.calls";
    static final String BREAKERS_OPEN = "appconnection.breakers.open";
    static final String FLEET_REFRESH = "appconnection.fleet.refresh";
    static final String FLEET_WAITING = "appconnection.fleet.waiting";
    static final String GADGET_CALLS = "appconnection.gadget.calls";
    static final String WEBHOOK_DELIVERIES = "appconnection.webhook.deliveries";
    static final String PORTAL_REFUSED = "appconnection.portal.refused";

    @Inject
    MetricRegistry registry;

    /**
     * The outcome of a call as a tag value: OctoEverywhere's 6xx code; {@code unreadable} for an answer that could not
     * be used; the class of the printer's (or the App API's own) HTTP status, {@code 2xx}, {@code 4xx}, {@code 5xx};
     * else {@code unreachable}.
     */
    public static String outcome(AppConnectionException failure) {
        if (failure.octoEverywhereCode().isPresent()) {
            return String.valueOf(failure.octoEverywhereCode().getAsInt());
        }
        if (failure instanceof UnreadableAnswerException) {
            return "unreadable";
        }
        if (failure.printerStatus().isPresent()) {
            return (failure.printerStatus().getAsInt() / 100) + "xx";
        }
        if (failure instanceof AppApiResponseException own) {
            return (own.httpStatus() / 100) + "xx";
        }
        return "unreachable";
    }

    public void relayCall(ConnectionRoute route, String outcome) {
        registry.counter(RELAY_CALLS, new Tag("route", route.name().toLowerCase(java.util.Locale.ROOT)),
                new Tag("outcome", outcome)).inc();
    }

    /** Registers the gauge of how many printers' breakers are open now. */
    public void breakersOpen(IntSupplier open) {
        registry.gauge(BREAKERS_OPEN, open, IntSupplier::getAsInt);
    }

    /** One printer's refresh, tagged with the state it left the connection in. */
    public void fleetRefresh(Duration took, String state) {
        registry.timer(FLEET_REFRESH, new Tag("state", state)).update(took);
    }

    /** Registers the gauge of the fleet refreshes waiting for one of the concurrency slots. */
    public void fleetWaiting(java.util.function.IntSupplier waiting) {
        registry.gauge(FLEET_WAITING, waiting, w -> w.getAsInt());
    }

    public void gadgetCall(String outcome) {
        registry.counter(GADGET_CALLS, new Tag("outcome", outcome)).inc();
    }

    /** A refused portal callback; {@code reason} comes from a small fixed set, never from the request. */
    public void portalRefused(String reason) {
        registry.counter(PORTAL_REFUSED, new Tag("reason", reason)).inc();
    }

    public void webhookDelivery(String outcome) {
        registry.counter(WEBHOOK_DELIVERIES, new Tag("outcome", outcome)).inc();
    }
}
