package dev.printfarm.appconnection.api.octoprint;

/**
 * Where a file lives: on OctoPrint's host ({@code local}) or on the printer's own storage (OctoPrint 1.x calls
 * it {@code sdcard}, 2.0 {@code printer}; the module sends whichever the printer's OctoPrint expects).
 */
public enum OctoPrintStorage {
    LOCAL,
    PRINTER
}
