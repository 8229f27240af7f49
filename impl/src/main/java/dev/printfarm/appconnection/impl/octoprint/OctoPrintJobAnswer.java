package dev.printfarm.appconnection.impl.octoprint;

/** {@code GET /api/job}; 2.0 leaves out what is null (an idle job is {@code {"job":{"file":{}},"progress":{}}}). */
public record OctoPrintJobAnswer(String state, Job job, Progress progress) {

    /** The job's file. */
    public record Job(File file) {}

    /** The file being printed. */
    public record File(String name, String display) {}

    /** Percent done (kept within 0–100) and seconds printed and left (negative is absent). */
    public record Progress(Double completion, Double printTime, Double printTimeLeft) {
        public Progress {
            completion = completion == null ? null : Math.max(0, Math.min(100, completion));
            printTime = printTime == null || printTime < 0 ? null : printTime;
            printTimeLeft = printTimeLeft == null || printTimeLeft < 0 ? null : printTimeLeft;
        }
    }
}
