package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.impl.appapi.AppApiMapper;
import dev.printfarm.appconnection.impl.json.Optionals;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * OctoEverywhere's notification ({@link OctoEverywhereNotification}) as a {@link PrinterNotification}: texts stripped,
 * a progress outside 0–100 absent, unknown keys passed on as JSON text, {@code SecretKey} dropped.
 */
public final class WebhookPayload {

    private WebhookPayload() {}

    /**
     * @throws IllegalArgumentException when the payload has no usable {@code EventType} (the one thing a notification
     *                                  cannot do without)
     */
    public static PrinterNotification parse(String connectionId, OctoEverywhereNotification o, Instant receivedAt) {
        if (o.eventType() == null) {
            throw new IllegalArgumentException("the payload has no EventType number");
        }
        Map<String, String> extra = new TreeMap<>();
        o.others().forEach((key, value) -> extra.put(key, value.toString()));
        OptionalDouble progress = Optionals.of(o.progress());
        return new PrinterNotification(
                connectionId,
                NotificationEvent.of(o.eventType()),
                o.eventType(),
                receivedAt,
                text(o.printerId()),
                text(o.printId()),
                text(o.printerName()),
                text(o.fileName()),
                progress,
                Optional.ofNullable(o.durationSec()),
                Optional.ofNullable(o.timeRemainingSec()),
                Optionals.of(o.currentLayer()),
                Optionals.of(o.totalLayers()),
                Optionals.of(o.zOffsetMM()),
                text(o.error()),
                text(o.platformErrorCode()),
                text(o.snapshotUrl()).flatMap(AppApiMapper::httpUrl),
                text(o.quickViewUrl()).flatMap(AppApiMapper::httpUrl),
                extra);
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip);
    }
}
