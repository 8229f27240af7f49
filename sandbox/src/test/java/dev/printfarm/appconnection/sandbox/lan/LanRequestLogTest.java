package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanRequestLogTest {

    private final LanRequestLog log = new LanRequestLog();

    @Test
    void keepsTheLastThousandRequestsOldestFirst() {
        for (int i = 1; i <= LanRequestLog.CAPACITY + 5; i++) {
            log.record(LanRequest.of("/P/api/job/" + i, "GET", Map.of()), 404);
        }

        List<LoggedLanRequest> kept = log.snapshot();

        assertEquals(LanRequestLog.CAPACITY, kept.size());
        assertEquals("/api/job/6", kept.get(0).path());
        assertEquals(
                "/api/job/" + (LanRequestLog.CAPACITY + 5),
                kept.get(kept.size() - 1).path());
    }

    @Test
    void clearForgetsEverything() {
        log.record(LanRequest.of("/P/api/job", "GET", Map.of()), 200);

        log.clear();

        assertTrue(log.snapshot().isEmpty());
    }

    @Test
    void recordsStatusAndHeadersAsReceived() {
        log.record(LanRequest.of("/P/api/job", "POST", Map.of("X-Api-Key", List.of("KEY"))), 405);

        LoggedLanRequest logged = log.snapshot().get(0);

        assertEquals("P", logged.printerId());
        assertEquals("POST", logged.method());
        assertEquals("/api/job", logged.path());
        assertEquals(405, logged.status());
        assertEquals(Map.of("x-api-key", "KEY"), logged.headers());
    }
}
