package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.impl.internal.BodyTooLargeException;
import dev.printfarm.appconnection.impl.relay.RetryRules;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    private final HttpTransport transport = new HttpTransport();
    private final Target relay =
            new Target("c1", ConnectionRoute.RELAY, URI.create("https://app-1.octoeverywhere.com"), Map.of());

    @Test
    void anOversizedAnswerFailsTheCallAsThePrintersFaultNotAnOutage() {
        AppConnectionException failure = transport.failure(
                relay, new IOException("wrapped by the HttpClient", new BodyTooLargeException(4194304, 200)));
        AnswerTooLargeException tooLarge = assertInstanceOf(AnswerTooLargeException.class, failure);
        assertEquals("The printer's answer is larger than 4194304 bytes", tooLarge.getMessage());
        assertEquals(200, tooLarge.printerStatus().orElseThrow());
        assertEquals(4194304, tooLarge.limitBytes());
        assertFalse(tooLarge.isTemporary(), "not retried");
        assertFalse(RetryRules.printerUnavailable(tooLarge), "the breaker counts it as an answer, not an outage");
        assertFalse(RouteTable.lanRouteFailed(tooLarge), "the LAN route stays");
    }

    @Test
    void anyOtherFailureOfTheExchangeIsUnreachable() {
        assertInstanceOf(PrinterUnreachableException.class, transport.failure(relay, new IOException("reset")));
    }
}
