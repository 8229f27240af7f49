package dev.printfarm.appconnection.sandbox.octoprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

    @Test
    void fileUnderALocationKeepsItsFolders() {
        Route route = Route.of("/api/files/local/folder/part.gcode").orElseThrow();

        assertEquals(Endpoint.FILE, route.endpoint());
        assertEquals("local", route.location());
        assertEquals("folder/part.gcode", route.filePath());
    }

    @Test
    void locationAloneIsTheLocationsListing() {
        assertEquals(
                Endpoint.FILES_AT_LOCATION,
                Route.of("/api/files/sdcard").orElseThrow().endpoint());
    }

    @Test
    void downloadUrlIsRouted() {
        Route route = Route.of("/downloads/files/local/a.gcode").orElseThrow();

        assertEquals(Endpoint.DOWNLOAD, route.endpoint());
        assertEquals(List.of("local", "a.gcode"), route.params());
    }

    @Test
    void systemCommandNeedsSourceAndAction() {
        assertEquals(
                List.of("core", "reboot"),
                Route.of("/api/system/commands/core/reboot").orElseThrow().params());
        assertTrue(Route.of("/api/system/commands/core").isEmpty());
        assertTrue(Route.of("/api/system/commands/core/reboot/now").isEmpty());
    }

    @Test
    void unknownPathsAndEmptySegmentsHaveNoRoute() {
        assertTrue(Route.of("/api/nothing").isEmpty());
        assertTrue(Route.of("/api/files/").isEmpty());
        assertTrue(Route.of("/api/files/local/").isEmpty());
        assertTrue(Route.of("/downloads/files/local").isEmpty());
    }

    @Test
    void headIsAllowedWhereverGetIs() {
        assertTrue(Endpoint.FILES.allows("HEAD"));
        assertFalse(Endpoint.LOGIN.allows("HEAD"));
        assertFalse(Endpoint.VERSION.allows("POST"));
        assertTrue(Endpoint.FILE.allows("DELETE"));
    }
}
