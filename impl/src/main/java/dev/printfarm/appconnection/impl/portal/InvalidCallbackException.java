package dev.printfarm.appconnection.impl.portal;

/** A portal completion that cannot be accepted. The message is safe to show: it never quotes a value. */
public class InvalidCallbackException extends Exception {
    public InvalidCallbackException(String message) {
        super(message);
    }
}
