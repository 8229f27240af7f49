package dev.printfarm.appconnection.api.error;

/** The command needs a feature the printer does not have (the command API's 788), e.g. a light on a printer without one. */
public class FeatureUnsupportedException extends CommandRefusedException {

    public static final int STATUS = 788;

    public FeatureUnsupportedException(String message, String connectionId) {
        super(message, connectionId, STATUS);
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
