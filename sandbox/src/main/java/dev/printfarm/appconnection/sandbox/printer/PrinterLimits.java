package dev.printfarm.appconnection.sandbox.printer;

/** The account limits the Info API reports and the relay enforces (607 over download, 608 over upload). */
public record PrinterLimits(
        long maxDownloadFileSizeBytes, long maxUploadFileSizeBytes, long maxSingleWebcamStreamLengthSeconds) {

    public static final PrinterLimits DEFAULT = new PrinterLimits(200L * 1024 * 1024, 200L * 1024 * 1024, 3600);

    public PrinterLimits {
        if (maxDownloadFileSizeBytes < 0 || maxUploadFileSizeBytes < 0 || maxSingleWebcamStreamLengthSeconds < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }
}
