package dev.printfarm.appconnection.api.error;

/**
 * OctoEverywhere answered one of its own status codes (600–699) instead of relaying the printer's answer.
 * This class itself stands for 600, 610–613 and any code OctoEverywhere adds later; the subclasses carry
 * the codes that call for their own handling.
 */
public class OctoEverywhereException extends AppConnectionException {

    private final boolean temporary;

    public OctoEverywhereException(String message, String connectionId, int status, boolean temporary) {
        super(message, connectionId, status, null);
        this.temporary = temporary;
    }

    /** OctoEverywhere's status code. */
    public int code() {
        return status().orElseThrow();
    }

    @Override
    public boolean isTemporary() {
        return temporary;
    }
}
