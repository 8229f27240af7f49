package dev.printfarm.appconnection.impl.commandapi;

import java.util.Optional;

/**
 * The command API answered an HTTP error, as read by {@link CommandApiErrorMapper}; it does not know the connection
 * yet, so the client turns it into the api's exception within the call.
 */
final class CommandApiRefusal extends RuntimeException {

    private final int httpStatus;
    private final transient Optional<CommandAnswer<CommandAnswer.Ignored>> envelope;

    CommandApiRefusal(int httpStatus, Optional<CommandAnswer<CommandAnswer.Ignored>> envelope) {
        super("The command API answered HTTP " + httpStatus, null, false, false);
        this.httpStatus = httpStatus;
        this.envelope = envelope;
    }

    int httpStatus() {
        return httpStatus;
    }

    Optional<CommandAnswer<CommandAnswer.Ignored>> envelope() {
        return envelope;
    }
}
