package dev.printfarm.appconnection.sandbox.commandapi;

/** A command the plugin refuses: answered HTTP 200 with {@code {"Status": status, "Error": message}}. */
final class CommandError extends RuntimeException {

    private final int status;

    CommandError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static CommandError badArgument(String message) {
        return new CommandError(CommandCodes.BAD_ARGUMENT, message);
    }
}
