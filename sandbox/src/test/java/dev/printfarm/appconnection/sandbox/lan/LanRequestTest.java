package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanRequestTest {

    @Test
    void firstSegmentIsThePrinterAndTheRestThePrinterPath() {
        LanRequest request = LanRequest.of("/PRINTER1/api/plugin/octoeverywhere", "GET", Map.of());

        assertEquals("PRINTER1", request.printerId());
        assertEquals("/api/plugin/octoeverywhere", request.path());
        assertEquals("GET", request.method());
    }

    @Test
    void byLanIpTheFirstSegmentIsTheAddressAndNoPrinterYet() {
        LanRequest request = LanRequest.byLanIp("/127.0.1.2/api/version", "GET", Map.of());

        assertEquals(Optional.of("127.0.1.2"), request.lanIp());
        assertEquals("", request.printerId());
        assertEquals("/api/version", request.path());
        assertTrue(
                LanRequest.of("/PRINTER1/api/version", "GET", Map.of()).lanIp().isEmpty());
    }

    @Test
    void lanUrlFollowsTheFaceTheClientUsed() {
        assertEquals(
                "http://h/sandbox/lan/PRINTER1",
                LanRequest.of("/PRINTER1/api/version", "GET", Map.of()).lanUrl("http://h/sandbox"));
        assertEquals(
                "http://h/sandbox/lan-ip/127.0.1.2",
                LanRequest.byLanIp("/127.0.1.2/api/version", "GET", Map.of())
                        .forPrinter("PRINTER2")
                        .lanUrl("http://h/sandbox"));
    }

    @Test
    void printerWithoutPathAddressesItsRoot() {
        assertEquals("/", LanRequest.of("/PRINTER1", "GET", Map.of()).path());
    }

    @Test
    void missingPathNamesNoPrinter() {
        assertEquals("", LanRequest.of(null, "GET", Map.of()).printerId());
        assertEquals("", LanRequest.of("/", "GET", Map.of()).printerId());
    }

    @Test
    void headerNamesAreLowerCasedAndRepeatedValuesJoined() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("X-Api-Key", List.of("KEY"));
        headers.put("Accept", List.of("application/json", "text/plain"));
        headers.put("accept", List.of("*/*"));

        LanRequest request = LanRequest.of("/P/api/job", "GET", headers);

        assertEquals(Map.of("x-api-key", "KEY", "accept", "application/json, text/plain, */*"), request.headers());
    }

    @Test
    void apiKeyIsFoundWhateverTheHeaderCase() {
        assertEquals(
                Optional.of("KEY"),
                LanRequest.of("/P/api/job", "GET", Map.of("X-API-KEY", List.of("KEY")))
                        .apiKey());
        assertTrue(LanRequest.of("/P/api/job", "GET", Map.of("Authorization", List.of("Bearer x")))
                .apiKey()
                .isEmpty());
    }

    @Test
    void headersCannotBeChangedAfterwards() {
        LanRequest request = LanRequest.of("/P/api/job", "GET", Map.of("Accept", List.of("*/*")));

        assertThrows(
                UnsupportedOperationException.class, () -> request.headers().put("x-api-key", "sneaked in"));
    }
}
