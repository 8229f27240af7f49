package dev.printfarm.appconnection.api;

/**
 * What runs the printer behind a connection, which decides the best client for it: OctoPrint's REST API, Moonraker's,
 * or only OctoEverywhere's command API (Bambu Lab, Prusa, Elegoo and others). {@code UNKNOWN} until the printer answered.
 */
public enum PrinterPlatform { OCTOPRINT, MOONRAKER, OTHER, UNKNOWN }
