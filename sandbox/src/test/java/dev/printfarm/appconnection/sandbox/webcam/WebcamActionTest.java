package dev.printfarm.appconnection.sandbox.webcam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebcamActionTest {

    @Test
    void snapshotAndStreamAreRecognisedOnMjpgStreamersPath() {
        assertEquals(Optional.of(WebcamAction.SNAPSHOT), of("GET", "/webcam/", "snapshot"));
        assertEquals(Optional.of(WebcamAction.STREAM), of("GET", "/webcam/", "stream"));
        assertEquals(Optional.of(WebcamAction.STREAM), of("GET", "/webcam", "stream"));
    }

    @Test
    void anythingElseIsLeftToOctoPrint() {
        assertEquals(Optional.empty(), of("GET", "/webcam/", "record"));
        assertEquals(Optional.empty(), of("POST", "/webcam/", "snapshot"));
        assertEquals(Optional.empty(), of("HEAD", "/webcam/", "snapshot"));
        assertEquals(Optional.empty(), of("GET", "/api/webcam/", "snapshot"));
        assertEquals(Optional.empty(), WebcamAction.of("GET", "/webcam/", Map.of()));
    }

    private static Optional<WebcamAction> of(String method, String path, String action) {
        return WebcamAction.of(method, path, Map.of("action", List.of(action)));
    }
}
