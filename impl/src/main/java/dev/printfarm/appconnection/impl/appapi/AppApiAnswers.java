package dev.printfarm.appconnection.impl.appapi;

import java.time.Instant;

/** The App APIs' answers; keys as OctoEverywhere writes them ({@code PrinterName}, ...), matched without case. */
public final class AppApiAnswers {

    private AppApiAnswers() {
    }

    /** {@code GET /api/appconnection/info}. */
    public record Info(String printerName, String printerLocalIp, Boolean isOnline, Instant lastConnectionTimeUtc,
                       Instant lastDisconnectTimeUtc, String userFacingPrinterUrl, Limits printerLimits) {
    }

    /** The account's limits; zero or less is no limit known. */
    public record Limits(Long maxDownloadFileSizeBytes, Long maxUploadFileSizeBytes,
                         Long maxSingleWebcamStreamLengthSeconds) {
    }

    /** {@code POST /api/live/createfromappconnection}. */
    public record LiveLink(String liveId, String url, String shortUrl) {
    }

    /** {@code POST /api/gadget/GetStatusFromAppConnection}: {@code State} 0–4, {@code Rating} 1–10. */
    public record Gadget(Integer state, String status, String statusColor, Integer rating) {
    }

    /** {@code GET /api/appconnection/TestWebhook}: the status the webhook URL gave, or why none. */
    public record WebhookTest(Double statusCode, String error) {
    }
}
