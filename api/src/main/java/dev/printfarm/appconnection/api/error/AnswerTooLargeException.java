package dev.printfarm.appconnection.api.error;

/**
 * An answer was larger than the module reads ({@code appconnection.limits.*}): it was cut off at
 * {@link #limitBytes()} and not used. {@link #printerStatus()} is the printer's status when the printer sent it.
 * Permanent: the same call brings the same answer.
 */
public class AnswerTooLargeException extends UnreadableAnswerException {

    private final long limitBytes;

    public AnswerTooLargeException(String message, String connectionId, long limitBytes, ErrorDetails details) {
        super(message, connectionId, details);
        this.limitBytes = limitBytes;
    }

    /** The cap the answer went over. */
    public long limitBytes() {
        return limitBytes;
    }

    @Override
    public boolean isTemporary() {
        return false;
    }
}
