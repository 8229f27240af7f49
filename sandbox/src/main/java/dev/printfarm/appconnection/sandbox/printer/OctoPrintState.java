package dev.printfarm.appconnection.sandbox.printer;

import java.util.Optional;

/**
 * What the emulated OctoPrint reports at one instant.
 *
 * @param job            empty while idle; present while printing or paused
 * @param octoEverywhere empty when the OctoEverywhere plugin is not installed
 * @param selected       the file of the job, or the file selected for the next one
 * @param connected      false after {@code POST /api/connection} with {@code disconnect} (or Moonraker's emergency
 *                       stop): the host has no printer to talk to
 * @param ending         while idle, how the last print ended
 */
public record OctoPrintState(
        String text,
        Temperature tool0,
        Temperature bed,
        Optional<PrintRun> job,
        Optional<OctoEverywherePlugin> octoEverywhere,
        Temperature chamber,
        boolean paused,
        boolean connected,
        Optional<JobFile> selected,
        OctoPrintVersion version,
        JobEnding ending) {

    public static final String SERVER_VERSION = "1.10.3";
    public static final String API_VERSION = "0.1";

    public boolean printing() {
        return job.isPresent() && !paused;
    }
}
