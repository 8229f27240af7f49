package dev.printfarm.appconnection.impl.json;

import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.error.ErrorMapper;
import dev.printfarm.appconnection.impl.error.Side;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * How the module takes a success answer's body as JSON, on a Rest Client (as its response filter and reader
 * interceptor) or from the JDK client ({@link #read}): a body without a content type, or with a generic one, is read as
 * JSON, a bodiless answer as an empty one; a body that cannot be read becomes the module's exception, saying what came
 * back (status, content type, how it begins; never a secret) and never that nothing answered. One per client, since
 * the exception names the connection.
 */
public final class JsonAnswers implements ClientResponseFilter, ReaderInterceptor {

    /** The status of the answer being read: written by the filter, read by the interceptor of the same exchange. */
    static final String STATUS = JsonAnswers.class.getName() + ".status";

    static final String SENT_TYPE = JsonAnswers.class.getName() + ".contentType";

    private final Supplier<String> who;
    private final BiFunction<OptionalInt, String, AppConnectionException> failure;

    private JsonAnswers(Supplier<String> who, BiFunction<OptionalInt, String, AppConnectionException> failure) {
        this.who = who;
        this.failure = failure;
    }

    /**
     * For a client shared by many calls: who answered ("The printer", "OctoEverywhere's App API") and the exception for
     * an unusable answer (given the answer's status, when known, and the message) are asked of the call at hand.
     */
    public static JsonAnswers perCall(
            Supplier<String> who, BiFunction<OptionalInt, String, AppConnectionException> failure) {
        return new JsonAnswers(who, failure);
    }

    /** For a printer's answers (relayed or on the LAN): an {@link UnreadableAnswerException} with its status. */
    public static JsonAnswers fromPrinter(String connectionId) {
        return new JsonAnswers(
                () -> "The printer",
                (status, message) -> ErrorMapper.unreadable(connectionId, Side.RELAY, status, message));
    }

    /** For OctoEverywhere's own App APIs: an {@link UnreadableAnswerException} without a printer status. */
    public static JsonAnswers fromOctoEverywhere(String connectionId) {
        return new JsonAnswers(
                () -> "OctoEverywhere's App API",
                (status, message) -> ErrorMapper.unreadable(connectionId, Side.APP_API, status, message));
    }

    /** A success answer of the JDK client as {@code type}; one that cannot be read is the module's exception. */
    public <T> T read(HttpResponse<String> response, Type type) {
        return read(
                response.statusCode(), response.headers().firstValue(HttpHeaders.CONTENT_TYPE), response.body(), type);
    }

    public <T> T read(int status, Optional<String> contentType, String body, Type type) {
        try {
            return WireJson.read(body, type);
        } catch (UnreadableJsonException e) {
            throw unusable(OptionalInt.of(status), contentType, e);
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status < 200 || status > 299 || returnsNothing(request)) {
            return;
        }
        String sent = response.getHeaderString(HttpHeaders.CONTENT_TYPE);
        request.setProperty(STATUS, status);
        request.setProperty(SENT_TYPE, sent);
        if (response.getEntityStream() == null) {
            response.setEntityStream(new ByteArrayInputStream(new byte[0]));
        }
        if (generic(sent)) {
            // Without a JSON type the runtime would not read the body at all (none) or find no reader for a record.
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            Object read = context.proceed();
            if (read == null && Record.class.isAssignableFrom(context.getType())) {
                throw new UnreadableJsonException("is empty", "");
            }
            return read;
        } catch (UnreadableJsonException e) {
            OptionalInt status =
                    context.getProperty(STATUS) instanceof Integer s ? OptionalInt.of(s) : OptionalInt.empty();
            throw unusable(status, Optional.ofNullable((String) context.getProperty(SENT_TYPE)), e);
        }
    }

    private AppConnectionException unusable(
            OptionalInt status, Optional<String> contentType, UnreadableJsonException e) {
        String type = contentType
                .filter(t -> !t.isBlank())
                .map(t -> "with " + Excerpt.of(t))
                .orElse("without a content type");
        String code = status.isPresent() ? " HTTP " + status.getAsInt() : "";
        return failure.apply(
                status,
                who.get() + " answered" + code + " " + type + ", and the body " + e.problem()
                        + (e.excerpt().isEmpty() ? "" : "; it begins: " + e.excerpt()));
    }

    /** No content type, or one that says nothing about the body. */
    /**
     * Whether the Rest Client method called returns nothing ({@code void}): its success is not read, and must not be
     * given a JSON type (Jersey would then ask JSON-B for a {@code void}).
     */
    public static boolean returnsNothing(ClientRequestContext request) {
        Object invoked = request.getProperty(INVOKED_METHOD);
        return invoked instanceof java.lang.reflect.Method method
                && (method.getReturnType() == void.class || method.getReturnType() == Void.class);
    }

    /** The request property in which every MicroProfile Rest Client names the interface method called. */
    static final String INVOKED_METHOD = "org.eclipse.microprofile.rest.client.invokedMethod";

    /** No content type, or one that says nothing about the body. */
    static boolean generic(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("text/plain")
                || type.equals("application/octet-stream")
                || type.equals("*/*")
                || type.equals("application/unknown");
    }

    @Override
    public String toString() {
        return "JsonAnswers[" + who.get() + "]";
    }
}
