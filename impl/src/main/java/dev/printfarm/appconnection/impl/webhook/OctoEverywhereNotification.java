package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.impl.json.OtherKeys;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;

/**
 * OctoEverywhere's notification payload (reference §4.1); keys as it writes them ({@code PrinterId}, ...), matched
 * without case. Keys this version does not know are kept as sent. {@code SecretKey} (user webhooks only) is read so
 * that it is not kept with them, and is never printed.
 */
public record OctoEverywhereNotification(
        String printerId,
        String secretKey,
        String printId,
        Integer eventType,
        String printerName,
        String snapshotUrl,
        String quickViewUrl,
        String fileName,
        Duration durationSec,
        Double progress,
        Duration timeRemainingSec,
        Double zOffsetMM,
        Integer currentLayer,
        Integer totalLayers,
        String error,
        String platformErrorCode,
        @OtherKeys Map<String, JsonValue> others) {

    /** A progress outside 0–100 is absent. */
    public OctoEverywhereNotification {
        progress = progress != null && progress >= 0 && progress <= 100 ? progress : null;
    }

    @Override
    public String toString() {
        return "OctoEverywhereNotification[printerId=" + printerId + ", eventType=" + eventType + ", secretKey=***]";
    }
}
