package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.FileStore;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LanRouterTest {

    private final MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
    private final PrinterRegistry printers = new PrinterRegistry(
            new SandboxSettings(2, Optional.empty(), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final LanRequestLog log = new LanRequestLog();
    private final ScriptedResponses scripts = new ScriptedResponses();
    private final LanRouter router = new LanRouter(connections, printers, log, scripts);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

    @Test
    void keepAtMostFollowsThePrintersStorageSize() {
        assertEquals(
                SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES + FileStore.MULTIPART_SLACK_BYTES,
                router.keepAtMost(idle.id()));

        idle.files().limitTo(1000);

        assertEquals(1000 + FileStore.MULTIPART_SLACK_BYTES, router.keepAtMost(idle.id()));
        assertEquals(0, router.keepAtMost("NOSUCHPRINTER"));
    }

    @Test
    void unknownPrinterAnswers404() {
        LanAnswer answer = get("NOSUCHPRINTER", "/api/version", Map.of());

        assertEquals(404, answer.status());
        assertTrue(answer.body().orElseThrow().containsKey("error"));
    }

    @Test
    void printerAnswersLikeOctoPrintWithAnIssuedKey() {
        AppConnection connection = connect(printing, true);

        LanAnswer answer = get(printing.id(), "/api/job", apiKey(connection));

        assertEquals(200, answer.status());
        assertEquals("Printing", answer.body().orElseThrow().getString("state"));
        assertEquals(0, answer.delayMs());
    }

    @Test
    void requestWithoutApiKeyIsForbiddenWithOctoPrintsError() {
        connect(printing, true);

        LanAnswer answer = get(printing.id(), "/api/version", Map.of());

        assertEquals(403, answer.status());
        assertTrue(answer.body().orElseThrow().getString("error").startsWith("You don't have the permission"));
    }

    @Test
    void keyIssuedThroughAnyConnectionOfThePrinterIsAccepted() {
        AppConnection first = connect(printing, true);
        AppConnection second = connect(printing, true);

        assertEquals(200, get(printing.id(), "/api/version", apiKey(first)).status());
        assertEquals(200, get(printing.id(), "/api/version", apiKey(second)).status());
    }

    @Test
    void keyIssuedForAnotherPrinterIsForbidden() {
        connect(printing, true);
        AppConnection other = connect(idle, true);

        assertEquals(403, get(printing.id(), "/api/version", apiKey(other)).status());
    }

    @Test
    void printerWithoutIssuedKeysForbidsEveryKeyedEndpoint() {
        connect(printing, false);

        assertEquals(403, get(printing.id(), "/api/version", Map.of()).status());
        assertEquals(
                403,
                get(printing.id(), "/api/printer", Map.of("X-Api-Key", List.of("GUESSED")))
                        .status());
    }

    @Test
    void userApiKeyIsAcceptedOnItsOwnPrinterByIdAndByLanIpWithoutAnyConnection() {
        Map<String, List<String>> userKey = userApiKey(idle);

        LanAnswer byId = get(idle.id(), "/api/job", userKey);

        assertEquals(200, byId.status());
        assertEquals("Operational", byId.body().orElseThrow().getString("state"));
        assertEquals(200, byIp("127.0.1.2", "/api/job", userKey).status());
    }

    @Test
    void userApiKeyIsAcceptedNextToTheIssuedKeys() {
        AppConnection connection = connect(printing, true);

        assertEquals(
                200, get(printing.id(), "/api/version", userApiKey(printing)).status());
        assertEquals(
                200, byIp("127.0.1.1", "/api/version", userApiKey(printing)).status());
        assertEquals(200, get(printing.id(), "/api/version", apiKey(connection)).status());
    }

    @Test
    void userApiKeyOfAnotherPrinterIsForbiddenWithOctoPrintsError() {
        connect(printing, true);

        for (LanAnswer answer : List.of(
                get(printing.id(), "/api/version", userApiKey(idle)),
                byIp("127.0.1.1", "/api/version", userApiKey(idle)))) {
            assertEquals(403, answer.status());
            assertTrue(
                    answer.body().orElseThrow().getString("error").startsWith("You don't have the permission"),
                    answer.toString());
        }
    }

    @Test
    void replacedUserApiKeyIsForbiddenAtOnceAndTheNewOneAccepted() {
        Map<String, List<String>> old = userApiKey(idle);

        String replacement = idle.newUserApiKey();

        assertEquals(403, get(idle.id(), "/api/version", old).status());
        assertEquals(403, byIp("127.0.1.2", "/api/version", old).status());
        assertEquals(
                200,
                get(idle.id(), "/api/version", Map.of("X-Api-Key", List.of(replacement)))
                        .status());
        assertEquals(
                200,
                byIp("127.0.1.2", "/api/version", Map.of("X-Api-Key", List.of(replacement)))
                        .status());
    }

    @Test
    void relayCredentialsAreNoSubstituteForTheApiKey() {
        AppConnection connection = connect(printing, true);

        LanAnswer answer = get(
                printing.id(),
                "/api/version",
                Map.of("Authorization", List.of("Bearer " + connection.authBearerToken())));

        assertEquals(403, answer.status());
    }

    @Test
    void printerOfflineToOctoEverywhereStillAnswersOnTheLan() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withOnline(false));

        assertEquals(200, get(printing.id(), "/api/version", apiKey(connection)).status());
    }

    @Test
    void failWithNeverReachesTheLan() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withFailWith(OptionalInt.of(605)));

        assertEquals(200, get(printing.id(), "/api/version", apiKey(connection)).status());
        assertEquals(403, get(printing.id(), "/api/version", Map.of()).status());
    }

    @Test
    void pluginEndpointNamesThePrinterWithoutApiKey() {
        LanAnswer answer = get(idle.id(), "/api/plugin/octoeverywhere", Map.of());
        JsonObject body = answer.body().orElseThrow();

        assertEquals(200, answer.status());
        assertEquals(idle.id(), body.getString("PrinterId"));
        assertTrue(body.getString("PluginVersion").matches("\\d+\\.\\d+\\.\\d+"), body.toString());
    }

    @Test
    void pluginEndpointIsNotFoundWhenThePluginIsNotInstalled() {
        AppConnection connection = connect(idle, true);
        printers.update(idle.id(), controls -> controls.withPlugin(false));

        LanAnswer answer = get(idle.id(), "/api/plugin/octoeverywhere", apiKey(connection));

        assertEquals(404, answer.status());
        assertEquals("Not found", answer.body().orElseThrow().getString("error"));
        assertEquals(200, get(idle.id(), "/api/version", apiKey(connection)).status());
    }

    @Test
    void pluginEndpointOnlyReads() {
        assertEquals(
                405,
                answer(idle.id(), "POST", "/api/plugin/octoeverywhere", Map.of())
                        .status());
    }

    @Test
    void lanDownAnswers503WithoutBodyAndSaysSo() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withLan(false));

        LanAnswer answer = get(printing.id(), "/api/version", apiKey(connection));

        assertEquals(503, answer.status());
        assertTrue(answer.body().isEmpty());
        assertEquals(Map.of("X-Sandbox-Lan", "down"), answer.headers());
        assertEquals(
                503, get(printing.id(), "/api/plugin/octoeverywhere", Map.of()).status());
    }

    @Test
    void latencyTravelsWithEveryAnswerOfAKnownPrinter() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withLatencyMs(1500));

        assertEquals(
                1500, get(printing.id(), "/api/version", apiKey(connection)).delayMs());
        assertEquals(1500, get(printing.id(), "/api/version", Map.of()).delayMs());
        printers.update(printing.id(), controls -> controls.withLan(false));
        assertEquals(
                1500, get(printing.id(), "/api/version", apiKey(connection)).delayMs());
    }

    @Test
    void noAnswerEverCarriesAnOctoEverywhereStatus() {
        AppConnection connection = connect(printing, true);
        for (int failure = 600; failure <= 613; failure++) {
            int code = failure;
            printers.update(
                    printing.id(),
                    controls -> controls.withFailWith(OptionalInt.of(code)).withOnline(false));
            for (Map<String, List<String>> headers : List.of(apiKey(connection), Map.<String, List<String>>of())) {
                for (String path : List.of("/api/version", "/api/job", "/api/plugin/octoeverywhere", "/nowhere")) {
                    int status = get(printing.id(), path, headers).status();
                    assertTrue(status < 600, path + " answered " + status + " with failWith " + code);
                }
            }
        }
    }

    @Test
    void everyRequestIsLoggedWithItsStatusAndHeaders() {
        AppConnection connection = connect(printing, true);
        Map<String, List<String>> headers = new LinkedHashMap<>(apiKey(connection));
        headers.put("User-Agent", List.of("test"));
        get(printing.id(), "/api/version", headers);
        get("NOSUCHPRINTER", "/api/job", Map.of());

        List<LoggedLanRequest> logged = log.snapshot();

        assertEquals(2, logged.size());
        assertEquals(printing.id(), logged.get(0).printerId());
        assertEquals("/api/version", logged.get(0).path());
        assertEquals(200, logged.get(0).status());
        assertEquals(
                Map.of("x-api-key", connection.octoPrintApiKey().orElseThrow(), "user-agent", "test"),
                logged.get(0).headers());
        assertEquals("NOSUCHPRINTER", logged.get(1).printerId());
        assertEquals(404, logged.get(1).status());
    }

    @Test
    void lanIpPathAnswersForThePrinterAtThatAddress() {
        AppConnection connection = connect(idle, true);

        LanAnswer version = byIp("127.0.1.2", "/api/version", apiKey(connection));
        LanAnswer plugin = byIp("127.0.1.2", "/api/plugin/octoeverywhere", Map.of());

        assertEquals(200, version.status());
        assertEquals(idle.id(), plugin.body().orElseThrow().getString("PrinterId"));
        assertEquals(
                printing.id(),
                byIp("127.0.1.1", "/api/plugin/octoeverywhere", Map.of())
                        .body()
                        .orElseThrow()
                        .getString("PrinterId"));
    }

    @Test
    void lanIpPathIsAddressedToThePrinterBeforeTheBodyIsRead() {
        LanRequest addressed = router.addressed(LanRequest.byLanIp("/127.0.1.2/api/version", "GET", Map.of()));

        assertEquals(idle.id(), addressed.printerId());
        assertEquals(Optional.of("127.0.1.2"), addressed.lanIp());
        assertEquals(router.keepAtMost(idle.id()), router.keepAtMost(addressed.printerId()));
    }

    @Test
    void lanIpPathFollowsThePrintersApiKeyRule() {
        AppConnection other = connect(printing, true);
        connect(idle, true);

        assertEquals(403, byIp("127.0.1.2", "/api/version", apiKey(other)).status());
        assertEquals(403, byIp("127.0.1.2", "/api/version", Map.of()).status());
    }

    @Test
    void lanIpPathFollowsTheLanSwitchLatencyAndScripts() {
        AppConnection connection = connect(idle, true);
        printers.update(idle.id(), controls -> controls.withLatencyMs(700));
        scripts.put(idle.id(), new ScriptedResponse("GET", "/api/job", 500, "boom", Map.of()));

        LanAnswer scripted = byIp("127.0.1.2", "/api/job", apiKey(connection));
        printers.update(idle.id(), controls -> controls.withLan(false));
        LanAnswer down = byIp("127.0.1.2", "/api/version", apiKey(connection));

        assertEquals(500, scripted.status());
        assertEquals(700, scripted.delayMs());
        assertEquals(503, down.status());
        assertEquals(Map.of("X-Sandbox-Lan", "down"), down.headers());
        assertEquals(700, down.delayMs());
    }

    @Test
    void lanIpPathLinksUnderTheAddressTheClientUsed() {
        AppConnection connection = connect(idle, true);
        LanRequest request = router.addressed(LanRequest.byLanIp("/127.0.1.2/api/files", "GET", apiKey(connection)));

        LanAnswer answer = router.answer(
                request.with(Map.of(), ReceivedBody.EMPTY, request.lanUrl("http://localhost:9180/sandbox")));

        String download = answer.body()
                .orElseThrow()
                .getJsonArray("files")
                .getJsonObject(0)
                .getJsonObject("refs")
                .getString("download");
        assertTrue(
                download.startsWith("http://localhost:9180/sandbox/lan-ip/127.0.1.2/downloads/files/local/"), download);
    }

    @Test
    void unknownLanIpAnswers404() {
        LanAnswer answer = byIp("127.0.1.9", "/api/version", Map.of());

        assertEquals(404, answer.status());
        assertEquals(
                "No printer at LAN address: 127.0.1.9",
                answer.body().orElseThrow().getString("error"));
        assertEquals(404, byIp("", "/api/version", Map.of()).status());
    }

    @Test
    void lanIpRequestsAreLoggedWithThePrinterTheyReached() {
        AppConnection connection = connect(idle, true);
        byIp("127.0.1.2", "/api/version", apiKey(connection));
        byIp("127.0.1.9", "/api/job", Map.of());
        get(idle.id(), "/api/version", apiKey(connection));

        List<LoggedLanRequest> logged = log.snapshot();

        assertEquals(idle.id(), logged.get(0).printerId());
        assertEquals(Optional.of("127.0.1.2"), logged.get(0).lanIp());
        assertEquals("/api/version", logged.get(0).path());
        assertEquals(200, logged.get(0).status());
        assertEquals("", logged.get(1).printerId());
        assertEquals(Optional.of("127.0.1.9"), logged.get(1).lanIp());
        assertEquals(404, logged.get(1).status());
        assertEquals(Optional.empty(), logged.get(2).lanIp());
    }

    @Test
    void sharedLanIpIsAmbiguousOnTheLanIpPathButNotByPrinterId() {
        PrinterRegistry shared = new PrinterRegistry(
                new SandboxSettings(2, Optional.of("127.0.0.1"), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
        LanRouter sharedRouter = new LanRouter(connections, shared, log);
        String printerId = shared.all().get(1).id();

        LanAnswer byAddress =
                sharedRouter.answer(LanRequest.byLanIp("/127.0.0.1/api/plugin/octoeverywhere", "GET", Map.of()));
        LanAnswer byId =
                sharedRouter.answer(LanRequest.of("/" + printerId + "/api/plugin/octoeverywhere", "GET", Map.of()));

        assertEquals(404, byAddress.status());
        assertTrue(
                byAddress
                        .body()
                        .orElseThrow()
                        .getString("error")
                        .startsWith("Ambiguous LAN address: all 2 printers report 127.0.0.1"),
                byAddress.toString());
        assertEquals(200, byId.status());
        assertEquals(printerId, byId.body().orElseThrow().getString("PrinterId"));
    }

    @Test
    void sharedLanIpOfASinglePrinterStillFindsIt() {
        PrinterRegistry single = new PrinterRegistry(
                new SandboxSettings(1, Optional.of("127.0.0.1"), Duration.ofSeconds(1000), Optional.empty(), 0), clock);
        LanRouter singleRouter = new LanRouter(connections, single, log);

        LanAnswer answer =
                singleRouter.answer(LanRequest.byLanIp("/127.0.0.1/api/plugin/octoeverywhere", "GET", Map.of()));

        assertEquals(200, answer.status());
        assertEquals(single.all().get(0).id(), answer.body().orElseThrow().getString("PrinterId"));
    }

    private AppConnection connect(EmulatedPrinter printer, boolean withApiKey) {
        return connections.create(printer.id(), "devtest", "http://localhost/sandbox/relay", withApiKey);
    }

    private static Map<String, List<String>> apiKey(AppConnection connection) {
        return Map.of("X-Api-Key", List.of(connection.octoPrintApiKey().orElseThrow()));
    }

    private static Map<String, List<String>> userApiKey(EmulatedPrinter printer) {
        return Map.of("X-Api-Key", List.of(printer.userApiKey()));
    }

    private LanAnswer get(String printerId, String path, Map<String, List<String>> headers) {
        return answer(printerId, "GET", path, headers);
    }

    private LanAnswer answer(String printerId, String method, String path, Map<String, List<String>> headers) {
        return router.answer(LanRequest.of("/" + printerId + path, method, headers));
    }

    private LanAnswer byIp(String lanIp, String path, Map<String, List<String>> headers) {
        return router.answer(LanRequest.byLanIp("/" + lanIp + path, "GET", headers));
    }

    @Test
    void aMoonrakerPrinterAnswersMoonrakerOnTheLanWithoutAKeyAndNoCommandApi() {
        printers.update(idle.id(), controls -> controls.withKind(PrinterKind.MOONRAKER));

        LanAnswer info = get(idle.id(), "/server/info", Map.of());
        LanAnswer item = get(idle.id(), "/server/database/item", Map.of());
        LanAnswer command = get(idle.id(), "/octoeverywhere-command-api/status", Map.of());

        assertEquals(200, info.status());
        assertEquals("ready", info.body().orElseThrow().getJsonObject("result").getString("klippy_state"));
        assertEquals(400, item.status());
        assertEquals(404, command.status());
    }
}
