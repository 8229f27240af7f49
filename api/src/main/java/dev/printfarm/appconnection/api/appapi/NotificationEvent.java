package dev.printfarm.appconnection.api.appapi;

import dev.printfarm.appconnection.api.event.PrinterNotification;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OctoEverywhere's notification event types. A number this version does not know arrives as {@link #UNKNOWN};
 * {@link PrinterNotification#eventCode()} keeps the number.
 */
public enum NotificationEvent {
    PRINT_STARTED(1),
    PRINT_COMPLETE(2),
    PRINT_FAILED(3),
    PRINT_PAUSED(4),
    PRINT_RESUMED(5),
    /** Every 10 % and every hour. */
    PRINT_PROGRESS(6),
    GADGET_POSSIBLE_FAILURE(7),
    GADGET_PAUSED_PRINT(8),
    ERROR(9),
    FIRST_LAYER_COMPLETE(10),
    FILAMENT_CHANGE_REQUIRED(11),
    USER_INTERACTION_REQUIRED(12),
    NON_SUPPORTER_NOTIFICATION_LIMIT(13),
    THIRD_LAYER_COMPLETE(14),
    BED_COOLDOWN_COMPLETE(15),
    /** Sent by {@code TestWebhook}. */
    TEST_NOTIFICATION(16),
    /** A number OctoEverywhere added after this version; see {@link PrinterNotification#eventCode()}. */
    UNKNOWN(-1);

    private static final Map<Integer, NotificationEvent> BY_CODE = Arrays.stream(values())
            .filter(e -> e.code > 0)
            .collect(Collectors.toUnmodifiableMap(e -> e.code, Function.identity()));

    private final int code;

    NotificationEvent(int code) {
        this.code = code;
    }

    /** OctoEverywhere's number for this event type; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The event type with this number, {@link #UNKNOWN} for any other. */
    public static NotificationEvent of(int code) {
        return BY_CODE.getOrDefault(code, UNKNOWN);
    }
}
