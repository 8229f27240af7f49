package dev.printfarm.appconnection.sandbox.moonraker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.HostRequests;
import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MoonrakerSocketsTest {

    private static final String SUBSCRIBE = "{\"jsonrpc\": \"2.0\", \"method\": \"printer.objects.subscribe\", "
            + "\"params\": {\"objects\": {\"print_stats\": null, \"virtual_sdcard\": null, "
            + "\"extruder\": [\"target\"]}}, \"id\": 7}";

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0)
                    .withPrinterKinds(List.of(PrinterKind.MOONRAKER)),
            clock);
    private final EmulatedPrinter looping = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);
    private final MoonrakerSockets sockets = new MoonrakerSockets(printers);
    private final RecordingSocketTransport transport = new RecordingSocketTransport();

    @Test
    void aSubscriptionIsAnsweredWithTheCurrentValuesOfWhatItAsks() {
        RpcSocket socket = sockets.open(looping, transport);

        sockets.received(socket, SUBSCRIBE);

        JsonObject reply = last().asJsonObject();
        assertEquals(7, reply.getInt("id"));
        JsonObject status = reply.getJsonObject("result").getJsonObject("status");
        assertEquals(Set.of("print_stats", "virtual_sdcard", "extruder"), status.keySet());
        assertEquals(Set.of("target"), status.getJsonObject("extruder").keySet());
        assertEquals("printing", status.getJsonObject("print_stats").getString("state"));
        assertTrue(reply.getJsonObject("result").containsKey("eventtime"));
    }

    @Test
    void updatesCarryOnlyTheFieldsThatChanged() {
        RpcSocket socket = sockets.open(looping, transport);
        sockets.received(socket, SUBSCRIBE);
        clock.advance(Duration.ofSeconds(10));

        sockets.tick();

        JsonObject update = last().asJsonObject();
        assertEquals("notify_status_update", update.getString("method"));
        JsonArray params = update.getJsonArray("params");
        JsonObject delta = params.getJsonObject(0);
        assertEquals(Set.of("print_stats", "virtual_sdcard"), delta.keySet());
        assertFalse(delta.getJsonObject("print_stats").containsKey("state"));
        assertFalse(delta.getJsonObject("print_stats").containsKey("filename"));
        assertEquals(
                10.0,
                delta.getJsonObject("print_stats")
                        .getJsonNumber("print_duration")
                        .doubleValue());
        assertEquals(
                0.01,
                delta.getJsonObject("virtual_sdcard").getJsonNumber("progress").doubleValue(),
                1e-9);
        assertTrue(params.getJsonNumber(1).doubleValue() > 100);
    }

    @Test
    void nothingIsSentWhenNothingChanged() {
        RpcSocket socket = sockets.open(idle, transport);
        sockets.received(socket, SUBSCRIBE);
        transport.clear();

        sockets.tick();
        sockets.tick();

        assertEquals(List.of(), transport.messages());
    }

    @Test
    void aStateChangeFromAnotherFaceShowsInTheNextUpdate() {
        RpcSocket socket = sockets.open(idle, transport);
        sockets.received(socket, SUBSCRIBE);
        MoonrakerApi.answer(
                HostRequests.post("/printer/print/start", "filename", "calibration-cube.gcode"),
                idle,
                clock.instant(),
                1);

        sockets.tick();

        JsonObject stats =
                last().asJsonObject().getJsonArray("params").getJsonObject(0).getJsonObject("print_stats");
        assertEquals("printing", stats.getString("state"));
        assertEquals("calibration-cube.gcode", stats.getString("filename"));
    }

    @Test
    void anEmptySubscriptionCancelsTheUpdates() {
        RpcSocket socket = sockets.open(looping, transport);
        sockets.received(socket, SUBSCRIBE);
        sockets.received(
                socket,
                "{\"jsonrpc\": \"2.0\", \"method\": \"printer.objects.subscribe\", "
                        + "\"params\": {\"objects\": {}}, \"id\": 8}");
        transport.clear();
        clock.advance(Duration.ofSeconds(10));

        sockets.tick();

        assertEquals(List.of(), transport.messages());
        assertEquals(0, sockets.counts(looping.id()).subscribed());
    }

    @Test
    void serverInfoAndObjectQueriesWorkOverJsonRpc() {
        RpcSocket socket = sockets.open(idle, transport);

        sockets.received(socket, "{\"jsonrpc\": \"2.0\", \"method\": \"server.info\", \"id\": 1}");
        JsonObject info = last().asJsonObject().getJsonObject("result");
        sockets.received(
                socket,
                "{\"jsonrpc\": \"2.0\", \"method\": \"printer.objects.query\", "
                        + "\"params\": {\"objects\": {\"webhooks\": [\"state\"]}}, \"id\": 2}");
        JsonObject query = last().asJsonObject();

        assertEquals(1, info.getInt("websocket_count"));
        assertEquals("ready", info.getString("klippy_state"));
        assertEquals(2, query.getInt("id"));
        assertEquals(
                "ready",
                query.getJsonObject("result")
                        .getJsonObject("status")
                        .getJsonObject("webhooks")
                        .getString("state"));
    }

    @Test
    void errorsAreJsonRpcErrorsWithMoonrakersCodes() {
        RpcSocket socket = sockets.open(idle, transport);

        sockets.received(socket, "not json");
        JsonObject parse = last().asJsonObject();
        sockets.received(socket, "{\"method\": \"server.info\", \"id\": 3}");
        JsonObject invalid = last().asJsonObject();
        sockets.received(socket, "{\"jsonrpc\": \"2.0\", \"method\": \"no.such.method\", \"id\": 4}");
        JsonObject unknown = last().asJsonObject();
        sockets.received(
                socket,
                "{\"jsonrpc\": \"2.0\", \"method\": \"server.files.metadata\", "
                        + "\"params\": {\"filename\": \"nope.gcode\"}, \"id\": 5}");
        JsonObject notFound = last().asJsonObject();
        sockets.received(
                socket, "{\"jsonrpc\": \"2.0\", \"method\": \"printer.print.start\", \"params\": {}, " + "\"id\": 6}");
        JsonObject missing = last().asJsonObject();

        assertEquals(-32700, parse.getJsonObject("error").getInt("code"));
        assertTrue(parse.isNull("id"));
        assertEquals(-32600, invalid.getJsonObject("error").getInt("code"));
        assertEquals(-32601, unknown.getJsonObject("error").getInt("code"));
        assertEquals(4, unknown.getInt("id"));
        assertEquals(-32601, notFound.getJsonObject("error").getInt("code"));
        assertEquals(400, missing.getJsonObject("error").getInt("code"));
        assertEquals(
                "No data for argument: filename", missing.getJsonObject("error").getString("message"));
    }

    @Test
    void notificationsGetNoReplyAndBatchesGetAnArray() {
        RpcSocket socket = sockets.open(idle, transport);

        sockets.received(socket, "{\"jsonrpc\": \"2.0\", \"method\": \"server.info\"}");
        assertEquals(List.of(), transport.messages());

        sockets.received(
                socket,
                "[{\"jsonrpc\": \"2.0\", \"method\": \"server.info\", \"id\": 1}, "
                        + "{\"jsonrpc\": \"2.0\", \"method\": \"server.connection.identify\", \"id\": 2}]");

        JsonArray replies = last().asJsonArray();
        assertEquals(2, replies.size());
        assertEquals(
                socket.id(),
                replies.getJsonObject(1)
                        .getJsonObject("result")
                        .getJsonNumber("connection_id")
                        .longValue());
    }

    @Test
    void anEmergencyStopIsNotifiedAsAKlippyShutdownThenDisconnectedAndReadyAfterARestartWhichEndsTheSubscription() {
        RpcSocket socket = sockets.open(looping, transport);
        sockets.received(socket, SUBSCRIBE);

        sockets.received(socket, "{\"jsonrpc\": \"2.0\", \"method\": \"printer.emergency_stop\", \"id\": 9}");
        sockets.tick();
        List<String> afterStop = transport.notifications();
        sockets.received(socket, "{\"jsonrpc\": \"2.0\", \"method\": \"printer.firmware_restart\", \"id\": 10}");
        sockets.tick();

        assertEquals(List.of("notify_klippy_shutdown", "notify_status_update"), afterStop);
        assertEquals(
                List.of("notify_klippy_disconnected", "notify_klippy_ready"),
                transport.notifications().subList(2, transport.notifications().size()),
                "Klippy came back: the subscription is gone, so no status update follows until the client subscribes");
        assertFalse(socket.subscribed());
    }

    @Test
    void socketsAreCountedAndDroppedWith1011() {
        RpcSocket socket = sockets.open(looping, transport);
        sockets.received(socket, SUBSCRIBE);
        sockets.refused(looping.id(), 604);

        assertEquals(
                new MoonrakerSocketCounts(1, 1, 2, new TreeMap<>(Map.of(101, 1L, 604, 1L)), 1),
                sockets.counts(looping.id()));

        assertEquals(1, sockets.drop(looping.id()));
        assertEquals(OptionalInt.of(1011), transport.closedWith());
        assertEquals(0, sockets.openCount(looping.id()));
    }

    @Test
    void aResetClosesEverySocketWith1001AndForgetsTheCounts() {
        sockets.open(looping, transport);

        sockets.reset();

        assertEquals(OptionalInt.of(1001), transport.closedWith());
        assertEquals(0, sockets.counts(looping.id()).handshakes());
    }

    private JsonStructure last() {
        List<JsonStructure> messages = transport.messages();
        return messages.get(messages.size() - 1);
    }
}
