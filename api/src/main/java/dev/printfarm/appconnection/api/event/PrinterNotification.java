package dev.printfarm.appconnection.api.event;

import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * CDI event fired when OctoEverywhere delivers a notification to the module's webhook receiver, once per
 * delivery however often OctoEverywhere retries it. Every field but the connection, the event and the receive
 * time is optional, as OctoEverywhere may leave any of them out.
 *
 * @param connectionId the connection whose webhook received it
 * @param event        the event type; {@link NotificationEvent#UNKNOWN} for a number this version does not know
 * @param eventCode    OctoEverywhere's number for the event type, also for unknown ones
 * @param printId      the same for every event of one print
 * @param progress     0–100
 * @param extra        payload keys this version does not know, as JSON text, so nothing OctoEverywhere adds is lost
 */
public record PrinterNotification(
        String connectionId,
        NotificationEvent event,
        int eventCode,
        Instant receivedAt,
        Optional<String> printerId,
        Optional<String> printId,
        Optional<String> printerName,
        Optional<String> fileName,
        OptionalDouble progress,
        Optional<Duration> duration,
        Optional<Duration> timeRemaining,
        OptionalInt currentLayer,
        OptionalInt totalLayers,
        OptionalDouble zOffsetMm,
        Optional<String> error,
        Optional<String> platformErrorCode,
        Optional<URI> snapshotUrl,
        Optional<URI> quickViewUrl,
        Map<String, String> extra) {

    public PrinterNotification {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(printerId, "printerId");
        Objects.requireNonNull(printId, "printId");
        Objects.requireNonNull(printerName, "printerName");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeRemaining, "timeRemaining");
        Objects.requireNonNull(currentLayer, "currentLayer");
        Objects.requireNonNull(totalLayers, "totalLayers");
        Objects.requireNonNull(zOffsetMm, "zOffsetMm");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(platformErrorCode, "platformErrorCode");
        Objects.requireNonNull(snapshotUrl, "snapshotUrl");
        Objects.requireNonNull(quickViewUrl, "quickViewUrl");
        extra = Map.copyOf(Objects.requireNonNull(extra, "extra"));
        if (event != NotificationEvent.UNKNOWN && event.code() != eventCode) {
            throw new IllegalArgumentException("event " + event + " has code " + event.code() + ", not " + eventCode);
        }
    }
}
