package dev.printfarm.appconnection.sandbox.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReceivedBodyTest {

    @Test
    void bodyOverTheCapIsCountedInFullButKeptOnlyUpToTheCap() throws IOException {
        ReceivedBody body = ReceivedBody.read(new ByteArrayInputStream(new byte[200_000]), 1000);

        assertEquals(1000, body.bytes().length);
        assertEquals(200_000, body.total());
        assertTrue(body.truncated());
    }

    @Test
    void bodyWithinTheCapIsKeptWhole() throws IOException {
        ReceivedBody body = ReceivedBody.read(new ByteArrayInputStream(new byte[150_000]), 150_000);

        assertEquals(150_000, body.bytes().length);
        assertFalse(body.truncated());
    }

    @Test
    void zeroCapKeepsNothingAndCountsEverything() throws IOException {
        ReceivedBody body = ReceivedBody.read(new ByteArrayInputStream(new byte[10]), 0);

        assertEquals(0, body.bytes().length);
        assertEquals(10, body.total());
    }
}
