package dev.printfarm.appconnection.impl.store;

/**
 * A row's secrets cannot be opened: the key it names is not configured (retired too early), or the value
 * was tampered with. Names the connection and the key id, never key material.
 */
public class SecretsUnreadableException extends IllegalStateException {

    private final String connectionId;
    private final String keyId;

    public SecretsUnreadableException(String connectionId, String keyId) {
        super("The stored secrets of App Connection " + connectionId + " cannot be opened with key '" + keyId
                + "': configure that key in appconnection.store.keys, or the row was altered");
        this.connectionId = connectionId;
        this.keyId = keyId;
    }

    public String connectionId() {
        return connectionId;
    }

    public String keyId() {
        return keyId;
    }
}
