package dev.printfarm.appconnection.sandbox.moonraker;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The Moonraker endpoints the emulation answers over HTTP and JSON-RPC alike, with their HTTP methods and JSON-RPC
 * method names. Upload and download exist over HTTP only, deleting a file by path ({@code DELETE
 * /server/files/{root}/{path}}) is routed by {@link MoonrakerApi} itself.
 */
enum Endpoint {
    SERVER_INFO("/server/info", "server.info", "GET"),
    PRINTER_INFO("/printer/info", "printer.info", "GET"),
    OBJECTS_LIST("/printer/objects/list", "printer.objects.list", "GET"),
    OBJECTS_QUERY("/printer/objects/query", "printer.objects.query", "GET", "POST"),
    PRINT_START("/printer/print/start", "printer.print.start", "POST"),
    PRINT_PAUSE("/printer/print/pause", "printer.print.pause", "POST"),
    PRINT_RESUME("/printer/print/resume", "printer.print.resume", "POST"),
    PRINT_CANCEL("/printer/print/cancel", "printer.print.cancel", "POST"),
    EMERGENCY_STOP("/printer/emergency_stop", "printer.emergency_stop", "POST"),
    RESTART("/printer/restart", "printer.restart", "POST"),
    FIRMWARE_RESTART("/printer/firmware_restart", "printer.firmware_restart", "POST"),
    GCODE_SCRIPT("/printer/gcode/script", "printer.gcode.script", "POST"),
    FILES_LIST("/server/files/list", "server.files.list", "GET"),
    FILES_METADATA("/server/files/metadata", "server.files.metadata", "GET"),
    FILES_DELETE(null, "server.files.delete_file", "DELETE"),
    HISTORY_LIST("/server/history/list", "server.history.list", "GET"),
    WEBCAMS_LIST("/server/webcams/list", "server.webcams.list", "GET"),
    DATABASE_ITEM("/server/database/item", "server.database.get_item", "GET");

    private final String path;
    private final String rpcMethod;
    private final Set<String> httpMethods;

    Endpoint(String path, String rpcMethod, String... httpMethods) {
        this.path = path;
        this.rpcMethod = rpcMethod;
        this.httpMethods = Set.of(httpMethods);
    }

    boolean allows(String httpMethod) {
        return httpMethods.contains(httpMethod);
    }

    static Optional<Endpoint> atPath(String path) {
        return Arrays.stream(values())
                .filter(endpoint -> path.equals(endpoint.path))
                .findFirst();
    }

    static Optional<Endpoint> ofRpcMethod(String method) {
        return Arrays.stream(values())
                .filter(endpoint -> endpoint.rpcMethod.equals(method))
                .findFirst();
    }
}
