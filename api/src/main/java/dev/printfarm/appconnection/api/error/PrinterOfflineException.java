package dev.printfarm.appconnection.api.error;

/** 601: the printer is not connected to OctoEverywhere. Temporary. */
public class PrinterOfflineException extends OctoEverywhereException {
    public PrinterOfflineException(String message, String connectionId, ErrorDetails details) {
        super(message, connectionId, details, true, 601);
    }
}
