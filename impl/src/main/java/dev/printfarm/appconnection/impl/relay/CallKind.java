package dev.printfarm.appconnection.impl.relay;

/** What a relayed call does to the printer, which decides whether it may be sent twice. */
public enum CallKind {
    /** Reads state; sending it again changes nothing. */
    READ,
    /** Changes the printer (job control, G-code, uploads); must never run twice. */
    COMMAND,
    /**
     * Stops the printer at once (Moonraker's emergency stop). Sending it twice is harmless and not sending it is the
     * harm: it is sent even while the connection's breaker is open or the relay bulkhead is full, retried like a read,
     * and may fall over from the LAN to the relay.
     */
    EMERGENCY
}
