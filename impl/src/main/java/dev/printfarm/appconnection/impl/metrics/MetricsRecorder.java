package dev.printfarm.appconnection.impl.metrics;

import dev.printfarm.appconnection.api.ConnectionRoute;
import java.time.Duration;
import java.util.function.IntSupplier;

/** Where {@link ModuleMetrics} records: MicroProfile Metrics when the server has it, nowhere otherwise. */
interface MetricsRecorder {

    void relayCall(ConnectionRoute route, String outcome);

    void breakersOpen(IntSupplier open);

    void fleetRefresh(Duration took, String state);

    void fleetWaiting(IntSupplier waiting);

    void gadgetCall(String outcome);

    void portalRefused(String reason);

    void webhookDelivery(String outcome);

    /** Records nothing: for a server without MicroProfile Metrics. */
    MetricsRecorder NONE = new MetricsRecorder() {
        @Override
        public void relayCall(ConnectionRoute route, String outcome) {}

        @Override
        public void breakersOpen(IntSupplier open) {}

        @Override
        public void fleetRefresh(Duration took, String state) {}

        @Override
        public void fleetWaiting(IntSupplier waiting) {}

        @Override
        public void gadgetCall(String outcome) {}

        @Override
        public void portalRefused(String reason) {}

        @Override
        public void webhookDelivery(String outcome) {}

        @Override
        public String toString() {
            return "no metrics";
        }
    };
}
