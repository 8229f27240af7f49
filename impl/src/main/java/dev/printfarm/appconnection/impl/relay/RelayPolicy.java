package dev.printfarm.appconnection.impl.relay;

import java.time.Duration;

/** The relay's fault-tolerance settings, as {@link PrinterCalls} applies them. */
record RelayPolicy(
        int maxAttempts,
        Backoff backoff,
        Duration maxRetryDuration,
        int breakerThreshold,
        Duration breakerOpenFor,
        int maxConcurrent) {

    static RelayPolicy from(RelaySettings settings) {
        return new RelayPolicy(
                settings.maxAttempts(),
                new Backoff(settings.initialBackoff(), settings.maxBackoff()),
                settings.maxRetryDuration(),
                settings.breakerThreshold(),
                settings.breakerOpenDuration(),
                settings.maxConcurrent());
    }
}
