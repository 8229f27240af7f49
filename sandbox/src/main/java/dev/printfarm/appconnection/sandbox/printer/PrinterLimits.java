package dev.printfarm.appconnection.sandbox.printer;

public record PrinterLimits(long maxDownloadFileSizeBytes, long maxUploadFileSizeBytes,
                            long maxSingleWebcamStreamLengthSeconds) {

    public static final PrinterLimits DEFAULT = new PrinterLimits(200L * 1024 * 1024, 200L * 1024 * 1024, 3600);
}
