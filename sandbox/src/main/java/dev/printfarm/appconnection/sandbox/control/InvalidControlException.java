package dev.printfarm.appconnection.sandbox.control;

/** A control request the sandbox refuses; the message goes back to the caller as is. */
public class InvalidControlException extends RuntimeException {

    public InvalidControlException(String message) {
        super(message);
    }
}
