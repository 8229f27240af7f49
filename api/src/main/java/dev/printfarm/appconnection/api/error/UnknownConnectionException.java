package dev.printfarm.appconnection.api.error;

/** The local store holds no connection with that id. Nothing was sent anywhere. */
public class UnknownConnectionException extends AppConnectionException {
    public UnknownConnectionException(String connectionId) {
        super("No App Connection with id " + connectionId + " is stored", connectionId, ErrorDetails.none(), null);
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
