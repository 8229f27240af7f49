package dev.printfarm.appconnection.sandbox.printer;

import java.util.Optional;

/**
 * What the emulated OctoPrint reports at one instant.
 *
 * @param job            empty while idle
 * @param octoEverywhere empty when the OctoEverywhere plugin is not installed
 */
public record OctoPrintState(String text, Temperature tool0, Temperature bed, Optional<PrintRun> job,
                             Optional<OctoEverywherePlugin> octoEverywhere) {

    public static final String SERVER_VERSION = "1.10.3";
    public static final String API_VERSION = "0.1";

    public boolean printing() {
        return job.isPresent();
    }
}
