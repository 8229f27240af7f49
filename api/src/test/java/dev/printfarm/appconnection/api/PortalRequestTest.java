package dev.printfarm.appconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PortalRequestTest {

    @Test
    void apiKeyAppNameOutsideTwoToSixtyCharactersIsRefused() {
        var request = PortalRequest.forOwner("farm-1");
        var tooShort = assertThrows(IllegalArgumentException.class, () -> request.withOctoPrintApiKey("x"));
        assertTrue(tooShort.getMessage().contains("2-60"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> request.withOctoPrintApiKey("x".repeat(61)));
        assertEquals(
                "ab", request.withOctoPrintApiKey("ab").octoPrintApiKeyAppName().orElseThrow());
        assertEquals(
                60,
                request.withOctoPrintApiKey("y".repeat(60))
                        .octoPrintApiKeyAppName()
                        .orElseThrow()
                        .length());
    }

    @Test
    void relativeOrNonHttpLogoUrlIsRefused() {
        var request = PortalRequest.forOwner("farm-1");
        assertThrows(IllegalArgumentException.class, () -> request.withAppLogoUrl(URI.create("/logo.png")));
        assertThrows(IllegalArgumentException.class, () -> request.withAppLogoUrl(URI.create("javascript:alert(1)")));
        assertEquals(
                URI.create("https://farm.example/logo.png"),
                request.withAppLogoUrl(URI.create("https://farm.example/logo.png"))
                        .appLogoUrl()
                        .orElseThrow());
    }

    @Test
    void blankOwnerIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PortalRequest.forOwner(" "));
        assertThrows(NullPointerException.class, () -> PortalRequest.forOwner(null));
    }
}
