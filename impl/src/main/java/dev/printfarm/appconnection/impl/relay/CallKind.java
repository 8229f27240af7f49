package dev.printfarm.appconnection.impl.relay;

/** What a relayed call does to the printer, which decides whether it may be sent twice. */
public enum CallKind {
    /** Reads state; sending it again changes nothing. */
    READ,
    /** Changes the printer (job control, G-code, uploads); must never run twice. */
    COMMAND
}
