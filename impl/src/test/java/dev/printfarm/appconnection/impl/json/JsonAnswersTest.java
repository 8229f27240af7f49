package dev.printfarm.appconnection.impl.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a success answer's body becomes a record, or the exception that says what came back. */
class JsonAnswersTest {

    public record Job(String state) {}

    @Test
    void aJsonBodyWithoutAContentTypeIsReadAsJson() throws IOException {
        Exchange exchange = new Exchange(200, null, "{\"state\": \"Printing\"}");
        JsonAnswers.fromPrinter("c1").filter(exchange.request(), exchange.response());
        assertEquals("application/json", exchange.headers.getFirst("Content-Type"));
        assertEquals(new Job("Printing"), exchange.read(JsonAnswers.fromPrinter("c1")));
    }

    @Test
    void aJsonBodyWithAGenericContentTypeIsReadAsJson() throws IOException {
        for (String type : new String[] {"text/plain; charset=utf-8", "application/octet-stream"}) {
            Exchange exchange = new Exchange(200, type, "{\"state\": \"Operational\"}");
            JsonAnswers.fromPrinter("c1").filter(exchange.request(), exchange.response());
            assertEquals(new Job("Operational"), exchange.read(JsonAnswers.fromPrinter("c1")));
        }
    }

    @Test
    void aBodilessAnswerIsAnEmptyOne() throws IOException {
        Exchange exchange = new Exchange(204, null, null);
        JsonAnswers.fromPrinter("c1").filter(exchange.request(), exchange.response());
        assertEquals(new Job(null), exchange.read(JsonAnswers.fromPrinter("c1")));
    }

    @Test
    void aBodyThatIsNotJsonIsThePrintersUnusableAnswerSayingWhatCameBack() throws IOException {
        Exchange exchange = new Exchange(200, "text/html", "<html><head><title>Log in</title></head></html>");
        JsonAnswers answers = JsonAnswers.fromPrinter("c1");
        answers.filter(exchange.request(), exchange.response());
        UnreadableAnswerException e = assertThrows(UnreadableAnswerException.class, () -> exchange.read(answers));
        assertEquals(200, e.printerStatus().getAsInt(), "the printer's own status, nothing made up");
        assertTrue(e.printerBody().isEmpty(), "a success body is not kept");
        assertEquals(Optional.of("c1"), e.connectionId());
        assertEquals(
                "The printer answered HTTP 200 with text/html, and the body is not JSON; it begins: "
                        + "<html><head><title>Log in</title></head></html>",
                e.getMessage());
        assertFalse(e.getMessage().contains("reach"));
    }

    @Test
    void jsonOfTheWrongShapeIsUnusableToo() {
        UnreadableAnswerException e = assertThrows(
                UnreadableAnswerException.class,
                () -> JsonAnswers.fromPrinter("c1").read(200, Optional.empty(), "[\"Printing\"]", Job.class));
        assertEquals(
                "The printer answered HTTP 200 without a content type, and the body is a JSON array where an"
                        + " object was expected; it begins: [\"Printing\"]",
                e.getMessage());
    }

    @Test
    void theExcerptIsShortAndMasksWhatMayBeASecret() {
        String body = "{\"session\": \"abc\", \"apikey\": \"0123456789ABCDEF0123456789ABCDEF\", \"note\": "
                + "\"token ZXhhbXBsZS1zZWNyZXQtdG9rZW4tdmFsdWU\"" + ", \"x\": \"" + "y".repeat(500) + "\"";
        String excerpt = Excerpt.of(body);
        assertTrue(excerpt.length() <= Excerpt.LENGTH + 1, excerpt);
        assertFalse(excerpt.contains("abc"), excerpt);
        assertFalse(excerpt.contains("0123456789ABCDEF"), excerpt);
        assertFalse(excerpt.contains("ZXhhbXBsZS1zZWNyZXQ"), excerpt);
        assertTrue(excerpt.startsWith("{\"session\": \"***\""), excerpt);
        assertEquals("a b", Excerpt.of("a\r\n\tb"));
    }

    @Test
    void theAppApisUnusableAnswerIsTemporaryAndNotThePrinters() {
        UnreadableAnswerException e = assertThrows(
                UnreadableAnswerException.class,
                () -> JsonAnswers.fromOctoEverywhere("c1")
                        .read(200, Optional.of("text/html"), "<h1>oops</h1>", Job.class));
        assertTrue(e.isTemporary());
        assertTrue(e.printerStatus().isEmpty(), "OctoEverywhere answered, not the printer");
        assertTrue(
                e.getMessage().startsWith("OctoEverywhere's App API answered HTTP 200 with text/html"), e.getMessage());
    }

    @Test
    void errorAnswersAreLeftToTheExceptionMappers() throws IOException {
        Exchange exchange = new Exchange(404, "text/html", "<h1>Not Found</h1>");
        JsonAnswers.fromPrinter("c1").filter(exchange.request(), exchange.response());
        assertEquals("text/html", exchange.headers.getFirst("Content-Type"));
        assertTrue(exchange.properties.isEmpty());
    }

    /** A request, its response and the reading of its body, as a Rest Client would run them. */
    /** The Rest Client methods named by {@link JsonAnswers#INVOKED_METHOD} in the test below. */
    private interface Calls {
        void pausePrint();

        Job job();
    }

    @Test
    void aSuccessOfAMethodWithoutResultIsNotGivenAJsonType() throws Exception {
        Exchange command = new Exchange(200, "text/plain", "{}");
        command.properties.put(JsonAnswers.INVOKED_METHOD, Calls.class.getMethod("pausePrint"));
        JsonAnswers.fromPrinter("c1").filter(command.request(), command.response());
        assertEquals("text/plain", command.headers.getFirst("Content-Type"), "a void method's answer is left alone");

        Exchange read = new Exchange(200, "text/plain", "{}");
        read.properties.put(JsonAnswers.INVOKED_METHOD, Calls.class.getMethod("job"));
        JsonAnswers.fromPrinter("c1").filter(read.request(), read.response());
        assertEquals("application/json", read.headers.getFirst("Content-Type"), "a record's answer is read as JSON");
    }

    private static final class Exchange {
        final Map<String, Object> properties = new HashMap<>();
        final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        final int status;
        InputStream entity;

        Exchange(int status, String contentType, String body) {
            this.status = status;
            if (contentType != null) {
                headers.putSingle("Content-Type", contentType);
            }
            this.entity = body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        }

        ClientRequestContext request() {
            return fake(ClientRequestContext.class, (name, args) -> switch (name) {
                case "setProperty" -> properties.put((String) args[0], args[1]);
                case "getProperty" -> properties.get((String) args[0]);
                default -> throw new UnsupportedOperationException(name);
            });
        }

        ClientResponseContext response() {
            return fake(ClientResponseContext.class, (name, args) -> switch (name) {
                case "getStatus" -> status;
                case "getHeaderString" -> headers.getFirst((String) args[0]);
                case "getHeaders" -> headers;
                case "getEntityStream" -> entity;
                case "setEntityStream" -> entity = (InputStream) args[0];
                default -> throw new UnsupportedOperationException(name);
            });
        }

        /** The body read by the policy's reader, inside the interceptor, as a Rest Client method returning a Job. */
        Job read(JsonAnswers answers) throws IOException {
            ReaderInterceptorContext context = fake(ReaderInterceptorContext.class, (name, args) -> switch (name) {
                case "proceed" ->
                    WireJsonProvider.INSTANCE.readFrom(cast(Job.class), Job.class, null, null, headers, entity);
                case "getType" -> Job.class;
                case "getProperty" -> properties.get((String) args[0]);
                default -> throw new UnsupportedOperationException(name);
            });
            return assertInstanceOf(Job.class, answers.aroundReadFrom(context));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Record> cast(Class<?> type) {
        return (Class) type;
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws IOException;
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }
}
