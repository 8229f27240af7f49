package dev.printfarm.appconnection.impl.moonraker;

import static dev.printfarm.appconnection.impl.moonraker.MoonrakerMapperTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.json.WireJson;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON-RPC frames a subscription sends and reads. */
class MoonrakerRpcTest {

    @Test
    void theSubscriptionAsksForTheFarmsObjectsWithAnId() {
        JsonObject request = json(MoonrakerRpc.subscribe(42));
        assertEquals("2.0", request.getString("jsonrpc"));
        assertEquals("printer.objects.subscribe", request.getString("method"));
        assertEquals(42, request.getInt("id"));
        assertEquals(
                json(WireJson.write(MoonrakerMapper.farmObjectsRequest())).getJsonObject("objects"),
                request.getJsonObject("params").getJsonObject("objects"));
        assertEquals(
                List.copyOf(MoonrakerMapper.FARM_OBJECTS.keySet()),
                List.copyOf(
                        request.getJsonObject("params").getJsonObject("objects").keySet()));
    }

    @Test
    void theSubscriptionsAnswerCarriesTheFullStatus() {
        List<MoonrakerRpc.Message> messages = MoonrakerRpc.parse("""
                {"jsonrpc": "2.0", "result": {"eventtime": 100.5, "status": {"webhooks": {"state": "ready"}}}, "id": 7}
                """);
        MoonrakerRpc.Answer answer = assertInstanceOf(MoonrakerRpc.Answer.class, messages.get(0));
        assertEquals(7, answer.id());
        assertEquals(OptionalDouble.of(100.5), answer.eventtime());
        assertEquals(json("{\"webhooks\": {\"state\": \"ready\"}}"), answer.status());
    }

    @Test
    void aStatusUpdateCarriesTheChangesAndTheEventtime() {
        MoonrakerRpc.StatusUpdate update = assertInstanceOf(
                MoonrakerRpc.StatusUpdate.class, MoonrakerRpc.parse("""
                {"jsonrpc": "2.0", "method": "notify_status_update",
                 "params": [{"extruder": {"temperature": 210.1}}, 101.25]}
                """).get(0));
        assertEquals(json("{\"extruder\": {\"temperature\": 210.1}}"), update.changes());
        assertEquals(OptionalDouble.of(101.25), update.eventtime());
        MoonrakerRpc.StatusUpdate bare = assertInstanceOf(
                MoonrakerRpc.StatusUpdate.class,
                MoonrakerRpc.parse("{\"jsonrpc\": \"2.0\", \"method\": \"notify_status_update\", \"params\": [{}]}")
                        .get(0));
        assertEquals(OptionalDouble.empty(), bare.eventtime());
    }

    @Test
    void klippyReadyIsToldAndOtherNotificationsAndNonsenseAreNot() {
        assertInstanceOf(
                MoonrakerRpc.KlippyReady.class,
                MoonrakerRpc.parse("{\"jsonrpc\": \"2.0\", \"method\": \"notify_klippy_ready\"}")
                        .get(0));
        assertEquals(
                new MoonrakerRpc.KlippyDown("disconnected"),
                MoonrakerRpc.parse("{\"jsonrpc\": \"2.0\", \"method\": \"notify_klippy_disconnected\"}")
                        .get(0));
        assertEquals(
                new MoonrakerRpc.KlippyDown("shutdown"),
                MoonrakerRpc.parse("{\"jsonrpc\": \"2.0\", \"method\": \"notify_klippy_shutdown\"}")
                        .get(0));
        for (String other : List.of(
                "{\"jsonrpc\": \"2.0\", \"method\": \"notify_proc_stat_update\", \"params\": [{}]}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"notify_status_update\", \"params\": \"oops\"}",
                "{\"jsonrpc\": \"2.0\", \"result\": \"ok\"}",
                "42")) {
            assertTrue(MoonrakerRpc.parse(other).stream().allMatch(MoonrakerRpc.Other.class::isInstance), other);
        }
        assertTrue(MoonrakerRpc.parse("not json").isEmpty());
    }

    @Test
    void anErrorReplyKeepsItsIdCodeAndMessage() {
        MoonrakerRpc.Failure failure = assertInstanceOf(
                MoonrakerRpc.Failure.class, MoonrakerRpc.parse("""
                {"jsonrpc": "2.0", "error": {"code": 503, "message": "Klippy\\nDisconnected"}, "id": 9}
                """).get(0));
        assertEquals(OptionalLong.of(9), failure.id());
        assertEquals(503, failure.code());
        assertEquals("Klippy Disconnected", failure.message());
        MoonrakerRpc.Failure anonymous = assertInstanceOf(
                MoonrakerRpc.Failure.class,
                MoonrakerRpc.parse(
                                "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Parse error\"}, \"id\": null}")
                        .get(0));
        assertEquals(OptionalLong.empty(), anonymous.id());
    }

    @Test
    void aBatchIsReadElementByElement() {
        List<MoonrakerRpc.Message> messages = MoonrakerRpc.parse("""
                [{"jsonrpc": "2.0", "result": "ok", "id": 1},
                 {"jsonrpc": "2.0", "method": "notify_klippy_ready"}]
                """);
        assertEquals(2, messages.size());
        assertInstanceOf(MoonrakerRpc.Answer.class, messages.get(0));
        assertInstanceOf(MoonrakerRpc.KlippyReady.class, messages.get(1));
    }

    @ParameterizedTest
    @CsvSource({
        "-32601, 404",
        "-32602, 400",
        "-32600, 400",
        "-32700, 400",
        "-32603, 500",
        "400, 400",
        "503, 503",
        "36000, 500"
    })
    void jsonRpcCodesMapBackToHttpStatuses(int code, int status) {
        assertEquals(status, MoonrakerRpc.httpStatus(code));
    }
}
