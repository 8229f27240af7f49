package dev.printfarm.appconnection.impl.appapi;

import java.time.Instant;

/** The App APIs' answers; keys as OctoEverywhere writes them ({@code PrinterName}, ...), matched without case. */
public final class AppApiAnswers {

    private AppApiAnswers() {}

    /** {@code GET /api/appconnection/info}. */
    public record Info(
            String printerName,
            String printerLocalIp,
            Boolean isOnline,
            Instant lastConnectionTimeUtc,
            Instant lastDisconnectTimeUtc,
            String userFacingPrinterUrl,
            Limits printerLimits) {}

    /** The account's limits; zero or less is no limit known, so absent. */
    public record Limits(
            Long maxDownloadFileSizeBytes, Long maxUploadFileSizeBytes, Long maxSingleWebcamStreamLengthSeconds) {
        public Limits {
            maxDownloadFileSizeBytes = positive(maxDownloadFileSizeBytes);
            maxUploadFileSizeBytes = positive(maxUploadFileSizeBytes);
            maxSingleWebcamStreamLengthSeconds = positive(maxSingleWebcamStreamLengthSeconds);
        }
    }

    /** {@code POST /api/live/createfromappconnection}. */
    public record LiveLink(String liveId, String url, String shortUrl) {}

    /** {@code POST /api/gadget/GetStatusFromAppConnection}: {@code State} 0–4; a {@code Rating} outside 1–10 is absent. */
    public record Gadget(Integer state, String status, String statusColor, Integer rating) {
        public Gadget {
            rating = rating != null && rating >= 1 && rating <= 10 ? rating : null;
        }
    }

    /** {@code GET /api/appconnection/TestWebhook}: the HTTP status (100–999) the webhook URL gave, or why none. */
    public record WebhookTest(Integer statusCode, String error) {
        public WebhookTest {
            statusCode = statusCode != null && statusCode >= 100 && statusCode <= 999 ? statusCode : null;
        }
    }

    private static Long positive(Long value) {
        return value != null && value > 0 ? value : null;
    }
}
