package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.error.PrinterResponseException;
import java.util.Optional;

/**
 * Moonraker answered an error, as read by {@link MoonrakerErrorMapper}; it does not know the connection yet, so the
 * client turns it into a {@link PrinterResponseException} within the call.
 */
final class MoonrakerRefusal extends RuntimeException {

    private final int status;
    /** Moonraker's explanation, or null. */
    private final String moonrakerMessage;

    MoonrakerRefusal(int status, Optional<String> moonrakerMessage) {
        super("Moonraker answered HTTP " + status, null, false, false);
        this.status = status;
        this.moonrakerMessage = moonrakerMessage.orElse(null);
    }

    int status() {
        return status;
    }

    PrinterResponseException toException(String connectionId) {
        return exception(connectionId, status, Optional.ofNullable(moonrakerMessage));
    }

    static PrinterResponseException exception(String connectionId, int status, Optional<String> moonrakerMessage) {
        return new PrinterResponseException("Moonraker answered HTTP " + status
                + moonrakerMessage.map(m -> ": " + m).orElse(""), connectionId, status);
    }
}
