package dev.printfarm.appconnection.api;

/** Which way a connection's calls currently go. */
public enum ConnectionRoute {
    /** Through OctoEverywhere's relay URL with the relay credentials. */
    RELAY,
    /** Straight to the printer's LAN address with its OctoPrint API key; the relay credentials never go there. */
    LAN
}
