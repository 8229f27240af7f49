package dev.printfarm.appconnection.api.error;

/**
 * This server already has as many calls to OctoEverywhere in flight as it allows (relayed calls:
 * {@code appconnection.relay.max-concurrent}; App API calls: its own bulkhead); the call was refused at once rather
 * than queued, so slow printers cannot tie up the server's threads. Nothing was sent. Temporary.
 */
public class RelayBusyException extends AppConnectionException {

    public RelayBusyException(String connectionId, int limit) {
        this(
                "Too many relayed calls in flight on this server (limit " + limit + "); App Connection " + connectionId
                        + " was not called",
                connectionId);
    }

    public RelayBusyException(String message, String connectionId) {
        super(message, connectionId, ErrorDetails.none(), null);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
