package dev.printfarm.appconnection.impl.error;

/** Who sent an answer, which decides whose a status is. */
public enum Side {
    /** OctoEverywhere's relay: a 6xx is OctoEverywhere's code, any other status the printer's, relayed. */
    RELAY,
    /** The printer on the LAN: every status is the printer's. */
    LAN,
    /** OctoEverywhere's own App APIs: a 6xx is its code, any other status its own; no printer is involved. */
    APP_API
}
