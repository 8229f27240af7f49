package dev.printfarm.appconnection.sandbox.moonraker;

/** A request Moonraker refuses: answered {@code {"error": {"code": status, "message": message}}} with that status. */
final class MoonrakerError extends RuntimeException {

    private final int status;

    MoonrakerError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static MoonrakerError missing(String argument) {
        return new MoonrakerError(400, "No data for argument: " + argument);
    }
}
