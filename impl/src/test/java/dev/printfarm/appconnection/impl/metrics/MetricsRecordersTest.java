package dev.printfarm.appconnection.impl.metrics;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionRoute;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class MetricsRecordersTest {

    /** A class loader of a server without MicroProfile Metrics: the API's classes are not there. */
    private static final ClassLoader WITHOUT_METRICS_API =
            new ClassLoader(MetricsRecordersTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (name.startsWith("org.eclipse.microprofile.metrics.")) {
                        throw new ClassNotFoundException(name);
                    }
                    return super.loadClass(name, resolve);
                }
            };

    private static final MetricsRecorder RECORDING = new MetricsRecorder() {
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
    };

    @Test
    void withoutTheMetricsApiNothingIsRecordedAndTheRegistryIsNeverAskedFor() {
        AtomicBoolean asked = new AtomicBoolean();
        MetricsRecorder chosen = MetricsRecorders.choose(WITHOUT_METRICS_API, () -> {
            asked.set(true);
            return Optional.of(RECORDING);
        });

        assertSame(MetricsRecorder.NONE, chosen);
        assertTrue(!asked.get(), "the registry was looked up although its API is missing");
    }

    @Test
    void withTheApiButNoImplementationNothingIsRecorded() {
        assertSame(MetricsRecorder.NONE, MetricsRecorders.choose(getClass().getClassLoader(), Optional::empty));
    }

    @Test
    void withTheApiAndARegistryTheRegistryRecords() {
        assertSame(RECORDING, MetricsRecorders.choose(getClass().getClassLoader(), () -> Optional.of(RECORDING)));
    }

    @Test
    void recordingNothingAcceptsEveryCall() {
        MetricsRecorder none = MetricsRecorder.NONE;
        none.relayCall(ConnectionRoute.RELAY, "2xx");
        none.breakersOpen(() -> 1);
        none.fleetRefresh(Duration.ofMillis(5), "ONLINE");
        none.fleetWaiting(() -> 0);
        none.gadgetCall("2xx");
        none.portalRefused("replayed");
        none.webhookDelivery("fired");
    }
}
