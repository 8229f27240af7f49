package dev.printfarm.appconnection.api.error;

/**
 * The printer's command API answered, and refused the command: its envelope's {@code Status} was not 200 (for example
 * 786, the printer's state does not allow it, or 752, the printer refused). {@link #status()} is that envelope status;
 * {@link #commandStatus()} says the same as an int.
 */
public class CommandRefusedException extends AppConnectionException {

    public CommandRefusedException(String message, String connectionId, int commandStatus) {
        super(message, connectionId, commandStatus, null);
    }

    /** The envelope's {@code Status}. */
    public int commandStatus() {
        return status().orElseThrow();
    }

    /** 786 (the printer is busy or in the wrong state) and 785 (its host is not connected) may go away by themselves. */
    @Override
    public boolean isTemporary() {
        int s = commandStatus();
        return s == 785 || s == 786;
    }
}
