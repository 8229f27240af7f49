package dev.printfarm.appconnection.sandbox.appapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppApiRequestTest {

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        AppApiRequest request = AppApiRequest.post(Optional.empty(), ReceivedBody.of(new byte[0]), "b");

        assertTrue(request.body().isEmpty());
        assertTrue(request.bodyProblem().isEmpty());
        assertTrue(request.token().isEmpty());
    }

    @Test
    void aBodyOverTheCapIsAProblem() {
        AppApiRequest request = AppApiRequest.post(
                Optional.of("T"),
                new ReceivedBody("{}".getBytes(StandardCharsets.UTF_8), AppApiRequest.MAX_BODY_BYTES + 1L),
                "b");

        assertTrue(request.bodyProblem().isPresent());
        assertEquals(Optional.of("T"), request.token());
    }

    @Test
    void fieldsAreFoundByExactNameFirstThenIgnoringCase() {
        AppApiRequest request = AppApiRequest.post(
                Optional.empty(),
                ReceivedBody.of("{\"expirationhours\": 1, \"ExpirationHours\": 2, \"apptoken\": \" tok \"}"
                        .getBytes(StandardCharsets.UTF_8)),
                "b");

        assertEquals("2", request.field("ExpirationHours").orElseThrow().toString());
        assertEquals(Optional.of("tok"), request.token());
        assertTrue(request.field("Missing").isEmpty());
    }

    @Test
    void aNonStringBodyTokenIsNoToken() {
        AppApiRequest request = AppApiRequest.post(
                Optional.empty(), ReceivedBody.of("{\"AppToken\": 5}".getBytes(StandardCharsets.UTF_8)), "b");

        assertTrue(request.token().isEmpty());
    }
}
