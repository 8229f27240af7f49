package dev.printfarm.appconnection.sandbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionUrlTest {

    @Test
    void parametersStartTheQueryWhenReturnUrlHasNone() {
        assertEquals(
                "https://app.example/done?success=false",
                CompletionUrl.append("https://app.example/done", CompletionUrl.cancelled()));
    }

    @Test
    void existingQueryIsKeptAsGivenAndParametersFollowWithAmpersand() {
        assertEquals(
                "https://app.example/done?state=X%2FY&x=1&success=false",
                CompletionUrl.append("https://app.example/done?state=X%2FY&x=1", CompletionUrl.cancelled()));
    }

    @Test
    void returnUrlEndingInQuestionMarkGetsNoExtraSeparator() {
        assertEquals(
                "https://app.example/done?success=false",
                CompletionUrl.append("https://app.example/done?", CompletionUrl.cancelled()));
    }

    @Test
    void fragmentStaysAfterTheQuery() {
        assertEquals(
                "myapp://callback?state=1&success=false#top",
                CompletionUrl.append("myapp://callback?state=1#top", CompletionUrl.cancelled()));
    }

    @Test
    void valuesAreUrlEncodedAsUtf8() {
        String url = CompletionUrl.append(
                "https://app.example/done", List.of(Map.entry("printername", "Prusa & Co #1+ü=x y")));

        assertEquals("https://app.example/done?printername=Prusa%20%26%20Co%20%231%2B%C3%BC%3Dx%20y", url);
    }

    @Test
    void successCarriesEveryOctoEverywhereParameterInItsExactName() {
        MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
        EmulatedPrinter printer = printers(1, clock).get(0);
        AppConnection connection =
                new ConnectionRegistry(clock).create(printer.id(), "devtest", "http://h/relay", true);

        List<Map.Entry<String, String>> parameters = CompletionUrl.success(connection, printer, "http://h/printer/P");

        assertEquals(
                List.of(
                        "success",
                        "id",
                        "url",
                        "appApiToken",
                        "printername",
                        "userPrinterAccessUrl",
                        "printerLastKnownLocalIp",
                        "authBasicHttpUser",
                        "authBasicHttpPassword",
                        "authBearerToken",
                        "octoPrintApiKey"),
                parameters.stream().map(Map.Entry::getKey).toList());
        assertEquals(Map.entry("success", "true"), parameters.get(0));
        assertEquals(Map.entry("printername", "Prusa MK4 #1"), parameters.get(4));
        assertEquals(Map.entry("printerLastKnownLocalIp", "127.0.1.1"), parameters.get(6));
        assertTrue(CompletionUrl.append("http://app/cb?state=XYZ", parameters)
                .startsWith("http://app/cb?state=XYZ&success=true&id=" + connection.id()
                        + "&url=http%3A%2F%2Fh%2Frelay%2F"));
    }

    @Test
    void successReportsThePrintersOwnLanAddress() {
        MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
        EmulatedPrinter second = printers(3, clock).get(1);
        AppConnection connection = new ConnectionRegistry(clock).create(second.id(), "devtest", "http://h/relay", true);

        assertTrue(CompletionUrl.success(connection, second, "http://h/printer/P")
                .contains(Map.entry("printerLastKnownLocalIp", "127.0.1.2")));
    }

    @Test
    void successWithoutApiKeyLeavesTheParameterOut() {
        MutableClock clock = MutableClock.at("2026-11-28T10:00:00Z");
        EmulatedPrinter printer = printers(1, clock).get(0);
        AppConnection connection =
                new ConnectionRegistry(clock).create(printer.id(), "devtest", "http://h/relay", false);

        assertFalse(CompletionUrl.success(connection, printer, "http://h/printer/P").stream()
                .anyMatch(parameter -> parameter.getKey().equals("octoPrintApiKey")));
    }

    private static List<EmulatedPrinter> printers(int count, MutableClock clock) {
        return new PrinterRegistry(
                        new SandboxSettings(count, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0),
                        clock)
                .all();
    }
}
