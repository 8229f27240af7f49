package dev.printfarm.appconnection.api.event;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.stream.PushMessage;
import java.util.Objects;

/** CDI event: a push message from a connection someone watches ({@link AppConnectionService#watchPush}). */
public record PrinterPush(String connectionId, PushMessage message) {
    public PrinterPush {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(message, "message");
    }
}
