package dev.printfarm.appconnection.api.error;

/**
 * The stored connection is refused by the module's policy before anything is sent, e.g. its relay URL is not on
 * {@code appconnection.relay.allowed-hosts} (a row stored before the policy existed). Permanent: connect the printer
 * again, or change the policy.
 */
public class UnusableConnectionException extends AppConnectionException {

    public UnusableConnectionException(String message, String connectionId) {
        super(message, connectionId, ErrorDetails.none(), null);
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
