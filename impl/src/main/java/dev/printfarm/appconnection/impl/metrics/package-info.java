/**
 * The module's metrics, none of which names a connection or carries a secret:
 * {@link dev.printfarm.appconnection.impl.metrics.ModuleMetrics} is what the rest of the module calls; it records into
 * MicroProfile Metrics when the server has it and does nothing when it does not. Only {@code MpMetricsRecorder} may
 * use the MicroProfile Metrics API.
 *
 * <p>May use: nothing else in the module.
 */
package dev.printfarm.appconnection.impl.metrics;
