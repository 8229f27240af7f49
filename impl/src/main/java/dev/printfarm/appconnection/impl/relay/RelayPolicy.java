package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import java.time.Duration;

/** The relay's fault-tolerance settings, read once from the configuration. */
record RelayPolicy(int maxAttempts, Backoff backoff, Duration maxRetryDuration, int breakerThreshold,
                   Duration breakerOpenFor, int maxConcurrent) {

    static RelayPolicy from(ModuleConfig config) {
        return new RelayPolicy(config.retryMaxAttempts(),
                new Backoff(config.retryInitialBackoff(), config.retryMaxBackoff()),
                config.retryMaxDuration(), config.breakerFailureThreshold(), config.breakerOpenDuration(),
                config.relayMaxConcurrent());
    }
}
