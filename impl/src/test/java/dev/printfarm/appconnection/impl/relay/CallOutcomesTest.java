package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.error.ErrorAnswer;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallOutcomesTest {

    private static final ErrorMapper ERRORS =
            new ErrorMapper(Clock.systemUTC(), URI.create("https://octoeverywhere.com"), "app");

    private static Optional<ConnectionState> after(int status) {
        AppConnectionException failure = ERRORS.map(ErrorAnswer.statusOnly("c1", Side.RELAY, status));
        return CallOutcomes.stateAfter(failure);
    }

    @Test
    void failuresMoveTheConnectionToTheDocumentedState() {
        assertEquals(Optional.of(ConnectionState.PRINTER_OFFLINE), after(601));
        assertEquals(Optional.of(ConnectionState.PRINTER_OFFLINE), after(602));
        assertEquals(Optional.of(ConnectionState.REVOKED), after(603));
        assertEquals(Optional.of(ConnectionState.REVOKED), after(604));
        assertEquals(Optional.of(ConnectionState.SUSPENDED), after(605));
        assertEquals(Optional.of(ConnectionState.INVALID_CREDENTIALS), after(606));
        assertTrue(after(609).isEmpty());
        assertTrue(after(600).isEmpty());
    }

    @Test
    void aRelayedPrinterAnswerShowsTheConnectionWorks() {
        assertEquals(Optional.of(ConnectionState.ONLINE), after(409));
        assertEquals(
                Optional.of(ConnectionState.ONLINE),
                CallOutcomes.stateAfter(new UnreadableAnswerException("garbled", "c1", ErrorDetails.printer(200))));
        assertTrue(
                CallOutcomes.stateAfter(new UnreadableAnswerException("garbled", "c1", ErrorDetails.none()))
                        .isEmpty(),
                "nobody known answered");
    }
}
