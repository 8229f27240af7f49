package dev.printfarm.appconnection.api;

/** What the module last learned about a connection. */
public enum ConnectionState {
    /** Calls succeed. */
    ONLINE,
    /** OctoEverywhere cannot reach the printer (601, 602); recovers by itself. */
    PRINTER_OFFLINE,
    /** The owner lost OctoEverywhere's supporter perks (605); kept, recovers when they resubscribe. */
    SUSPENDED,
    /** The connection was revoked, expired or is unknown to OctoEverywhere (603, 604); gone for good. */
    REVOKED,
    /** OctoEverywhere rejected the relay credentials (606). */
    INVALID_CREDENTIALS,
    /** Nothing learned yet. */
    UNKNOWN
}
