package dev.printfarm.appconnection.sandbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalParamsTest {

    @Test
    void missingAppIdIsReported() {
        assertEquals(
                Optional.of("The appId parameter is required."),
                params(Map.of()).problem());
    }

    @Test
    void blankValuesCountAsAbsent() {
        PortalParams params = params(Map.of("appId", "devtest", "octoPrintApiKeyAppName", "", "returnUrl", " "));

        assertEquals(Optional.empty(), params.problem());
        assertTrue(params.octoPrintApiKeyAppName().isEmpty());
        assertTrue(params.returnUrl().isEmpty());
    }

    @Test
    void apiKeyAppNameMustBeTwoToSixtyCharacters() {
        assertTrue(params(Map.of("appId", "a", "octoPrintApiKeyAppName", "x"))
                .problem()
                .isPresent());
        assertTrue(params(Map.of("appId", "a", "octoPrintApiKeyAppName", "x".repeat(61)))
                .problem()
                .isPresent());
        assertEquals(
                Optional.empty(),
                params(Map.of("appId", "a", "octoPrintApiKeyAppName", "xy")).problem());
        assertEquals(
                Optional.empty(),
                params(Map.of("appId", "a", "octoPrintApiKeyAppName", "x".repeat(60)))
                        .problem());
    }

    @Test
    void relativeReturnUrlIsRefused() {
        assertTrue(params(Map.of("appId", "a", "returnUrl", "/done")).problem().isPresent());
        assertEquals(
                Optional.empty(),
                params(Map.of("appId", "a", "returnUrl", "myapp://done?state=1"))
                        .problem());
    }

    private static PortalParams params(Map<String, String> values) {
        return PortalParams.from(values::get);
    }
}
