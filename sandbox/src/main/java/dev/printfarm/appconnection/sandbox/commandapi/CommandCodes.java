package dev.printfarm.appconnection.sandbox.commandapi;

/**
 * The command API's {@code Status} values the emulation answers: 200, the plugin's common 7xx codes, and the
 * command-specific 4xx (400 bad argument, 403/409 file in use, 404 no such file, 413 file too large).
 */
public final class CommandCodes {

    public static final int OK = 200;
    public static final int BAD_ARGUMENT = 400;
    public static final int FILE_IN_USE = 403;
    public static final int NOT_FOUND = 404;
    public static final int FILE_IN_USE_OCTOPRINT = 409;
    public static final int TOO_LARGE = 413;
    /** The body was not a JSON object. */
    public static final int ARG_PARSE_FAILURE = 751;
    /** The printer refused or failed the command (a Klipper error, a move out of range). */
    public static final int EXECUTION_FAILURE = 752;
    /** No command at that path. */
    public static final int UNKNOWN_COMMAND = 754;
    /** The plugin is not connected to the host (OctoPrint's printer disconnected). */
    public static final int HOST_NOT_CONNECTED = 785;
    /** The printer's state does not allow it: pause while not printing, a move while printing. */
    public static final int INVALID_PRINTER_STATE = 786;
    /** Not among the printer's {@code Features}. */
    public static final int FEATURE_NOT_SUPPORTED = 788;

    private CommandCodes() {}
}
