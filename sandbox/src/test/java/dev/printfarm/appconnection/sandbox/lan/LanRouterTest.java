package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
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
            new SandboxSettings(2, "127.0.0.1", Duration.ofSeconds(1000), Optional.empty(), 0), clock);
    private final ConnectionRegistry connections = new ConnectionRegistry(clock);
    private final LanRequestLog log = new LanRequestLog();
    private final LanRouter router = new LanRouter(connections, printers, log);
    private final EmulatedPrinter printing = printers.all().get(0);
    private final EmulatedPrinter idle = printers.all().get(1);

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
        assertEquals(403, get(printing.id(), "/api/printer", Map.of("X-Api-Key", List.of("GUESSED"))).status());
    }

    @Test
    void relayCredentialsAreNoSubstituteForTheApiKey() {
        AppConnection connection = connect(printing, true);

        LanAnswer answer = get(printing.id(), "/api/version",
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
        assertEquals(405, answer(idle.id(), "POST", "/api/plugin/octoeverywhere", Map.of()).status());
    }

    @Test
    void lanDownAnswers503WithoutBodyAndSaysSo() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withLan(false));

        LanAnswer answer = get(printing.id(), "/api/version", apiKey(connection));

        assertEquals(503, answer.status());
        assertTrue(answer.body().isEmpty());
        assertEquals(Map.of("X-Sandbox-Lan", "down"), answer.headers());
        assertEquals(503, get(printing.id(), "/api/plugin/octoeverywhere", Map.of()).status());
    }

    @Test
    void latencyTravelsWithEveryAnswerOfAKnownPrinter() {
        AppConnection connection = connect(printing, true);
        printers.update(printing.id(), controls -> controls.withLatencyMs(1500));

        assertEquals(1500, get(printing.id(), "/api/version", apiKey(connection)).delayMs());
        assertEquals(1500, get(printing.id(), "/api/version", Map.of()).delayMs());
        printers.update(printing.id(), controls -> controls.withLan(false));
        assertEquals(1500, get(printing.id(), "/api/version", apiKey(connection)).delayMs());
    }

    @Test
    void noAnswerEverCarriesAnOctoEverywhereStatus() {
        AppConnection connection = connect(printing, true);
        for (int failure = 600; failure <= 613; failure++) {
            int code = failure;
            printers.update(printing.id(), controls -> controls.withFailWith(OptionalInt.of(code)).withOnline(false));
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
        assertEquals(Map.of("x-api-key", connection.octoPrintApiKey().orElseThrow(), "user-agent", "test"),
                logged.get(0).headers());
        assertEquals("NOSUCHPRINTER", logged.get(1).printerId());
        assertEquals(404, logged.get(1).status());
    }

    private AppConnection connect(EmulatedPrinter printer, boolean withApiKey) {
        return connections.create(printer.id(), "devtest", "http://localhost/sandbox/relay", withApiKey);
    }

    private static Map<String, List<String>> apiKey(AppConnection connection) {
        return Map.of("X-Api-Key", List.of(connection.octoPrintApiKey().orElseThrow()));
    }

    private LanAnswer get(String printerId, String path, Map<String, List<String>> headers) {
        return answer(printerId, "GET", path, headers);
    }

    private LanAnswer answer(String printerId, String method, String path, Map<String, List<String>> headers) {
        return router.answer(LanRequest.of("/" + printerId + path, method, headers));
    }
}
