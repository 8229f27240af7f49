package dev.printfarm.appconnection.sandbox.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private static final JsonObject JSON =
            Json.createObjectBuilder().add("text", "OctoPrint 1.10.3").build();
    private static final byte[] JSON_BYTES = JSON.toString().getBytes(StandardCharsets.UTF_8);

    private final RecordingResponse recorded = new RecordingResponse();

    @Test
    void aCutAnswerDeclaresTheWholeBodyAndSendsOnlyItsFirstBytesThenCommits() throws IOException {
        Replies.write(
                recorded.response(), 200, Map.of("X-Extra", "1"), JSON, Optional.empty(), true, OptionalLong.of(10));

        assertEquals(
                List.of(
                        "setHeader X-Extra",
                        "setStatus 200",
                        "setContentType application/json",
                        "setContentLength " + JSON_BYTES.length,
                        "write 10",
                        "flushBuffer",
                        "flushBuffer"),
                recorded.calls);
        assertArrayEquals(Arrays.copyOf(JSON_BYTES, 10), recorded.body.toByteArray());
    }

    @Test
    void aCutRawBodyKeepsItsContentType() throws IOException {
        RawBody gcode = new RawBody(Optional.of("text/x.gcode"), "G28\nG1 X10\n".getBytes(StandardCharsets.US_ASCII));

        Replies.write(
                recorded.response(),
                200,
                Map.of(),
                JsonValue.EMPTY_JSON_OBJECT,
                Optional.of(gcode),
                true,
                OptionalLong.of(0));

        assertEquals(
                List.of(
                        "setStatus 200",
                        "setContentType text/x.gcode",
                        "setContentLength 11",
                        "write 0",
                        "flushBuffer",
                        "flushBuffer"),
                recorded.calls);
        assertEquals(0, recorded.body.size());
    }

    @Test
    void aBodyNoLongerThanTheCutIsSentWhole() throws IOException {
        Replies.cut(recorded.response(), JSON_BYTES, JSON_BYTES.length);

        assertEquals(List.of("setContentLength " + JSON_BYTES.length, "write " + JSON_BYTES.length), recorded.calls);
        assertArrayEquals(JSON_BYTES, recorded.body.toByteArray());
    }

    @Test
    void anAnswerWithoutABodyIsNotCut() throws IOException {
        Replies.write(recorded.response(), 200, Map.of(), JSON, Optional.empty(), false, OptionalLong.of(3));

        assertEquals(
                List.of("setStatus 200", "setContentType application/json", "setContentLength " + JSON_BYTES.length),
                recorded.calls);
    }

    @Test
    void anEndlessBodyRepeatsWithoutALengthUntilTheClientLeaves() throws IOException {
        RawBody endless =
                new RawBody(Optional.of("application/json"), "{\"x\":".getBytes(StandardCharsets.US_ASCII), true);
        recorded.failAfterWrites(1000);

        Replies.write(recorded.response(), 200, Map.of(), JsonValue.EMPTY_JSON_OBJECT, Optional.of(endless), true);

        assertEquals(List.of("setStatus 200", "setContentType application/json"), recorded.calls.subList(0, 2));
        assertTrue(
                recorded.calls.stream().noneMatch(call -> call.startsWith("setContentLength")),
                "a length was declared");
        assertEquals(1000 * 5, recorded.body.size(), "sent until the client left, which is no error");
    }

    @Test
    void anEndlessBodyEndsAtItsLimitAndIsNotCut() throws IOException {
        Replies.endless(recorded.response(), new byte[] {'a', 'b', 'c', 'd'}, Duration.ZERO);
        assertEquals(0, recorded.body.size(), "nothing once its time is over");

        RecordingResponse cut = new RecordingResponse();
        cut.failAfterWrites(3);
        RawBody endless = new RawBody(Optional.empty(), new byte[] {'a'}, true);
        Replies.write(
                cut.response(),
                200,
                Map.of(),
                JsonValue.EMPTY_JSON_OBJECT,
                Optional.of(endless),
                true,
                OptionalLong.of(1));
        assertEquals(3, cut.body.size(), "cutBodyAfterBytes does not apply to an endless body");
    }

    /** Records what an answer does to the response, in order; {@code write n} for n body bytes. */
    private static final class RecordingResponse {

        final List<String> calls = new ArrayList<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        /** Writes accepted before the client "leaves": the next one fails as a broken connection does. */
        private int writesLeft = Integer.MAX_VALUE;

        void failAfterWrites(int writes) {
            writesLeft = writes;
        }

        private final ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (writesLeft-- <= 0) {
                    throw new IOException("Broken pipe");
                }
                calls.add("write " + length);
                body.write(bytes, offset, length);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
        };

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(
                    RepliesTest.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class},
                    (self, method, args) -> {
                        if ("getOutputStream".equals(method.getName())) {
                            return out;
                        }
                        calls.add(method.getName() + (args == null ? "" : " " + args[0]));
                        return null;
                    });
        }
    }
}
