package dev.printfarm.appconnection.impl.octoprint;

/** {@code GET /api/job}; 2.0 leaves out what is null (an idle job is {@code {"job":{"file":{}},"progress":{}}}). */
public record OctoPrintJobAnswer(String state, Job job, Progress progress) {

    /** The job's file. */
    public record Job(File file) {
    }

    /** The file being printed. */
    public record File(String name, String display) {
    }

    /** Percent done and seconds printed and left. */
    public record Progress(Double completion, Double printTime, Double printTimeLeft) {
    }
}
