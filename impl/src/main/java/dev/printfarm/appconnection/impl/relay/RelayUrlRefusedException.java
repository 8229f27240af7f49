package dev.printfarm.appconnection.impl.relay;

/** A relay URL the module will not dial. The message says why and never quotes the URL. */
public class RelayUrlRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public RelayUrlRefusedException(String message) {
        super(message);
    }
}
