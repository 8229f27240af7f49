package dev.printfarm.appconnection.sandbox.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void everyChunkIsReportedAsItArrivesAndTheReportsAddUpToTheTotal() throws IOException {
        List<Long> chunks = new ArrayList<>();

        ReceivedBody body = ReceivedBody.read(new ByteArrayInputStream(new byte[200_000]), 1000, chunks::add);

        assertTrue(chunks.size() > 1, "a body larger than one read buffer arrives in several chunks: " + chunks);
        assertEquals(200_000, chunks.stream().mapToLong(Long::longValue).sum());
        assertEquals(body.total(), chunks.stream().mapToLong(Long::longValue).sum());
        assertEquals(1000, body.bytes().length);
    }

    @Test
    void emptyBodyReportsNothing() throws IOException {
        List<Long> chunks = new ArrayList<>();

        assertEquals(
                0,
                ReceivedBody.read(new ByteArrayInputStream(new byte[0]), 10, chunks::add)
                        .total());
        assertTrue(chunks.isEmpty());
    }
}
