package dev.printfarm.appconnection.api.error;

/** The command needs a feature the printer does not have (the command API's 788), e.g. a light on a printer without one. */
public class FeatureUnsupportedException extends CommandRefusedException {

    /** The command API's status for a feature the printer lacks. */
    public static final int COMMAND_STATUS = 788;

    public FeatureUnsupportedException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, COMMAND_STATUS, details);
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
