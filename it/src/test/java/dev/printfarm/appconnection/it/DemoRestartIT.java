package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo survives a restart: a printer connected through the Quick start's demo is still connected, and online,
 * after the server stops and starts again, because the sandbox keeps its connections (as OctoEverywhere does) next
 * to the module's store. Before, the sandbox forgot them and every stored printer turned REVOKED (603).
 */
@ExtendWith(DemoServer.Use.class)
class DemoRestartIT {

    private static final Duration ONLINE_WITHIN = Duration.ofSeconds(60);

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static Optional<String> state(FarmConsole console, String id) {
        HttpResponse<String> detail = console.get("console/api/printers/" + id);
        return detail.statusCode() == 200 ? Optional.of(json(detail).getString("state")) : Optional.empty();
    }

    @Test
    void aConnectedPrinterIsStillOnlineAfterTheDemoRestarts(DemoServer demo) {
        FarmConsole console = demo.console();
        String printerId = console.sandbox.printers().getJsonObject(0).getString("id");
        String id = console.connect(printerId);
        try {
            Await.until(
                    ONLINE_WITHIN,
                    () -> state(console, id).filter("ONLINE"::equals).isPresent(),
                    () -> "the new printer is " + state(console, id) + " before the restart");

            demo.restart();

            FarmConsole after = demo.console();
            Await.until(
                    ONLINE_WITHIN,
                    () -> state(after, id).filter("ONLINE"::equals).isPresent(),
                    () -> "the printer is " + state(after, id) + " after the restart, not ONLINE");
            JsonObject detail = json(after.get("console/api/printers/" + id));
            assertTrue(detail.get("job") instanceof JsonObject, "the printer's job came through the relay: " + detail);
            assertEquals(
                    printerId,
                    after.sandbox.connection(id).getString("printerId"),
                    "the sandbox still knows the connection it issued");
        } finally {
            console.browser.send(HttpRequest.newBuilder(console.server.resolve("console/api/printers/" + id))
                    .DELETE());
        }
    }
}
