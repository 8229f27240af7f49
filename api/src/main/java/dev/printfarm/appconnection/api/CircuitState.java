package dev.printfarm.appconnection.api;

/**
 * The state of a printer's circuit breaker on this server. Each printer has its own: one printer that keeps failing
 * is given a rest without slowing calls to the others.
 */
public enum CircuitState {
    /** Calls go through. A printer that never failed is here. */
    CLOSED,
    /**
     * Calls are refused at once with {@link dev.printfarm.appconnection.api.error.PrinterCircuitOpenException} after
     * {@code appconnection.relay.breaker.failure-threshold} failures in a row, for
     * {@code appconnection.relay.breaker.open-duration}.
     */
    OPEN,
    /** The rest is over: the next call is a trial whose outcome closes or opens the breaker again. */
    HALF_OPEN
}
