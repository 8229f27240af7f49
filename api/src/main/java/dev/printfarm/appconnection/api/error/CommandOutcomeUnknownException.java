package dev.printfarm.appconnection.api.error;

/**
 * A command (start a job, send G-code, upload) may or may not have reached the printer: the relay timed
 * out (602) or the answer never came. The module does not send it again; check the printer's state before
 * deciding. Its fields are those of the failure it wraps (its cause). Temporary.
 */
public class CommandOutcomeUnknownException extends AppConnectionException {

    public CommandOutcomeUnknownException(String connectionId, AppConnectionException cause) {
        super(
                "The command may or may not have reached the printer of App Connection " + connectionId + ": "
                        + cause.getMessage(),
                connectionId,
                cause.details(),
                cause);
    }

    @Override
    public boolean isTemporary() {
        return true;
    }
}
