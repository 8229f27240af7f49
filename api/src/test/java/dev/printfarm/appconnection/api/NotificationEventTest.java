package dev.printfarm.appconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class NotificationEventTest {

    @Test
    void everyDocumentedNumberHasItsTypeAndOthersAreUnknown() {
        for (int code = 1; code <= 16; code++) {
            assertEquals(code, NotificationEvent.of(code).code());
        }
        assertEquals(NotificationEvent.PRINT_STARTED, NotificationEvent.of(1));
        assertEquals(NotificationEvent.TEST_NOTIFICATION, NotificationEvent.of(16));
        assertEquals(NotificationEvent.UNKNOWN, NotificationEvent.of(17));
        assertEquals(NotificationEvent.UNKNOWN, NotificationEvent.of(0));
        assertEquals(NotificationEvent.UNKNOWN, NotificationEvent.of(-1));
    }

    @Test
    void aNotificationsEventAndNumberMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> notification(NotificationEvent.PRINT_STARTED, 2));
        assertEquals(99, notification(NotificationEvent.UNKNOWN, 99).eventCode());
    }

    private static PrinterNotification notification(NotificationEvent event, int code) {
        return new PrinterNotification(
                "c",
                event,
                code,
                Instant.EPOCH,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Map.of());
    }
}
