package dev.printfarm.appconnection.impl.metrics;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks the recorder once: MicroProfile Metrics when its API can be loaded and an implementation provides the
 * registry, else {@link MetricsRecorder#NONE}. Metrics are optional, so a server without MicroProfile Metrics runs the
 * module with none instead of failing its deployment.
 */
final class MetricsRecorders {

    static final String REGISTRY_CLASS = "org.eclipse.microprofile.metrics.MetricRegistry";

    private MetricsRecorders() {}

    /**
     * @param loader   the application's class loader, where the server exposes the API when it has it
     * @param registry the MicroProfile Metrics recorder, asked only when the API is there; empty without an
     *                 implementation
     */
    static MetricsRecorder choose(ClassLoader loader, Supplier<Optional<MetricsRecorder>> registry) {
        try {
            Class.forName(REGISTRY_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return MetricsRecorder.NONE;
        }
        return registry.get().orElse(MetricsRecorder.NONE);
    }
}
