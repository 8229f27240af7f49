package dev.printfarm.appconnection.api.error;

/**
 * This server already has as many relayed calls in flight as it allows
 * ({@code appconnection.relay.max-concurrent}); the call was refused at once rather than queued, so slow
 * printers cannot tie up the server's threads. Nothing was sent. Temporary.
 */
public class RelayBusyException extends AppConnectionException {

    public RelayBusyException(String connectionId, int limit) {
        super("Too many relayed calls in flight on this server (limit " + limit + "); App Connection " + connectionId
                + " was not called", connectionId, null, null);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
