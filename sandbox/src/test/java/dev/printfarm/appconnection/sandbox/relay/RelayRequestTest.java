package dev.printfarm.appconnection.sandbox.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayRequestTest {

    @Test
    void firstSegmentIsTheConnectionAndTheRestThePrinterPath() {
        RelayRequest request = RelayRequest.of("/abc123/api/job", "GET", Optional.empty(), Optional.empty());

        assertEquals("abc123", request.connectionId());
        assertEquals("/api/job", request.path());
    }

    @Test
    void connectionWithoutPathAddressesThePrinterRoot() {
        assertEquals(
                "/",
                RelayRequest.of("/abc123", "GET", Optional.empty(), Optional.empty())
                        .path());
    }

    @Test
    void missingPathHasNoConnection() {
        assertEquals(
                "",
                RelayRequest.of(null, "GET", Optional.empty(), Optional.empty()).connectionId());
        assertEquals(
                "",
                RelayRequest.of("/", "GET", Optional.empty(), Optional.empty()).connectionId());
    }
}
