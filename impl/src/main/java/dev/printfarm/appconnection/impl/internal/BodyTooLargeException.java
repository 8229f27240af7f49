package dev.printfarm.appconnection.impl.internal;

import java.io.IOException;

/** A body went over the module's cap for it; reading stopped there and the response was given up. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;
    private final int status;

    public BodyTooLargeException(long limit, int status) {
        super("The answer is larger than " + limit + " bytes");
        this.limit = limit;
        this.status = status;
    }

    public long limit() {
        return limit;
    }

    /** The HTTP status of the answer whose body it was. */
    public int status() {
        return status;
    }
}
