package dev.printfarm.appconnection.api;

/**
 * What runs the printer behind a connection, which decides the best client for it: OctoPrint's REST API, Moonraker's,
 * or only OctoEverywhere's command API (Bambu Lab, Prusa, Elegoo and others); {@code UNKNOWN} when the printer answers as
 * none of them.
 */
public enum PrinterPlatform {
    OCTOPRINT,
    MOONRAKER,
    OTHER,
    UNKNOWN
}
