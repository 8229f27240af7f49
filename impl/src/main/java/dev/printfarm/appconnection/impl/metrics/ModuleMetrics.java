package dev.printfarm.appconnection.impl.metrics;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AppApiResponseException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/**
 * The module's metrics in MicroProfile Metrics' application registry (Prometheus text at {@code /metrics}): relayed
 * calls by route and outcome, open breakers, fleet refreshes, Gadget calls, webhook deliveries and refused portal
 * callbacks. No metric carries a connection id: the number of series stays the same for 10 or 10,000 printers, and an
 * anonymous {@code /metrics} names no connection. Per printer, the API tells (its state, snapshot,
 * {@code PrinterCircuitOpenException}).
 *
 * <p>Optional: on a server without MicroProfile Metrics every method does nothing, and the start log says so once.
 * Nothing here names a MicroProfile Metrics type, so this bean loads on such a server.
 */
@ApplicationScoped
public class ModuleMetrics {

    private static final Logger LOG = Logger.getLogger(ModuleMetrics.class.getName());

    static final String RELAY_CALLS = "appconnection.relay.calls";
    static final String BREAKERS_OPEN = "appconnection.breakers.open";
    static final String FLEET_REFRESH = "appconnection.fleet.refresh";
    static final String FLEET_WAITING = "appconnection.fleet.waiting";
    static final String GADGET_CALLS = "appconnection.gadget.calls";
    static final String WEBHOOK_DELIVERIES = "appconnection.webhook.deliveries";
    static final String PORTAL_REFUSED = "appconnection.portal.refused";

    @Inject
    Instance<Object> beans;

    private MetricsRecorder recorder = MetricsRecorder.NONE;

    @PostConstruct
    void chooseRecorder() {
        // The loader that would resolve MpMetricsRecorder's references is this class's own.
        recorder = MetricsRecorders.choose(ModuleMetrics.class.getClassLoader(), () -> MpMetricsRecorder.from(beans));
        if (recorder == MetricsRecorder.NONE) {
            LOG.info("App Connections: MicroProfile Metrics is not available on this server, so the module records"
                    + " no metrics (everything else works; add MicroProfile Metrics for /metrics).");
        }
    }

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
        recorder.relayCall(route, outcome);
    }

    /** Registers the gauge of how many printers' breakers are open now. */
    public void breakersOpen(IntSupplier open) {
        recorder.breakersOpen(open);
    }

    /** One printer's refresh, tagged with the state it left the connection in. */
    public void fleetRefresh(Duration took, String state) {
        recorder.fleetRefresh(took, state);
    }

    /** Registers the gauge of the fleet refreshes waiting for one of the concurrency slots. */
    public void fleetWaiting(IntSupplier waiting) {
        recorder.fleetWaiting(waiting);
    }

    public void gadgetCall(String outcome) {
        recorder.gadgetCall(outcome);
    }

    /** A refused portal callback; {@code reason} comes from a small fixed set, never from the request. */
    public void portalRefused(String reason) {
        recorder.portalRefused(reason);
    }

    public void webhookDelivery(String outcome) {
        recorder.webhookDelivery(outcome);
    }
}
