package dev.printfarm.appconnection.impl.octoprint;

import java.util.Map;

/**
 * OctoPrint's JSON as it arrives. Every component is nullable and unknown fields are ignored, because
 * OctoPrint versions differ in what they send.
 */
public final class OctoPrintDtos {

    private OctoPrintDtos() {
    }

    public record Version(String api, String server, String text) {
    }

    public record Printer(Map<String, Heater> temperature, State state) {
    }

    public record Heater(Double actual, Double target, Double offset) {
    }

    public record State(String text, Flags flags) {
    }

    public record Flags(Boolean operational, Boolean printing, Boolean paused, Boolean pausing, Boolean cancelling,
                        Boolean error, Boolean ready, Boolean closedOrError) {
    }

    public record Job(JobInfo job, Progress progress, String state) {
    }

    public record JobInfo(JobFile file, Double estimatedPrintTime) {
    }

    public record JobFile(String name, String display, String path, String origin, Long size) {
    }

    /** The body of {@code POST /api/job}; {@code action} only for {@code pause}, absent otherwise. */
    public record JobCommand(String command, String action) {
        static JobCommand of(String command) {
            return new JobCommand(command, null);
        }
    }

    public record Progress(Double completion, Long filepos, Double printTime, Double printTimeLeft) {
    }
}
