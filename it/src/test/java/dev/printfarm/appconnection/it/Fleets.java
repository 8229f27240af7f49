package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the fleet monitor's ITs do alike: connect the sandbox's first printers, and refresh the whole fleet. */
final class Fleets {

    private Fleets() {}

    /** Connects the sandbox's first {@code count} printers for {@code owner}: connection id to printer id, in order. */
    static Map<String, String> connectFirst(
            AppConnectionService service, SandboxClient sandbox, int count, String owner) {
        Map<String, String> printerOf = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String printerId = sandbox.printers().getJsonObject(i).getString("id");
            printerOf.put(PortalDriver.connect(service, PortalRequest.forOwner(owner), printerId), printerId);
        }
        return printerOf;
    }

    /** {@code refreshFleet()}, waited for up to a minute. */
    static void refreshAll(AppConnectionService service) {
        try {
            service.refreshFleet().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the fleet refresh did not complete", e);
        }
    }
}
