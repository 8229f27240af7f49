package dev.printfarm.appconnection.api.error;

/**
 * The printer's command API answered, and refused the command: its envelope's {@code Status} was not 200 (for example
 * 786, the printer's state does not allow it, or 752, the printer refused). {@link #commandStatus()} is that envelope
 * status; {@link #printerStatus()} and {@link #printerBody()} are the HTTP answer that carried it.
 */
public class CommandRefusedException extends AppConnectionException {

    private final int commandStatus;

    public CommandRefusedException(String message, String connectionId, int commandStatus, ErrorDetails details) {
        super(message, connectionId, details, null);
        if (details.octoEverywhereCode().isPresent()) {
            throw new IllegalArgumentException("The printer's command API refused, not OctoEverywhere");
        }
        this.commandStatus = commandStatus;
    }

    /** The envelope's {@code Status}: the command API's own code, not an HTTP status. */
    public int commandStatus() {
        return commandStatus;
    }

    /** 786 (the printer is busy or in the wrong state) and 785 (its host is not connected) may go away by themselves. */
    @Override
    public boolean isTemporary() {
        return commandStatus == 785 || commandStatus == 786;
    }
}
