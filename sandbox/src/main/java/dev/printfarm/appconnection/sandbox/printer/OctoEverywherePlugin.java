package dev.printfarm.appconnection.sandbox.printer;

/**
 * The OctoEverywhere plugin as installed in an emulated OctoPrint.
 *
 * @param printerId the printer's OctoEverywhere printer id, the one the portal's {@code printerId} takes
 */
public record OctoEverywherePlugin(String version, String printerId) {

    /** Any plausible release; nothing in the sandbox depends on the number. */
    public static final String VERSION = "4.3.2";
}
