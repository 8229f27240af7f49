package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.json.JsonAnswers;
import jakarta.annotation.Priority;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Sends a Rest Client's request on the module's {@link HttpTransport} and hands the answer back to the client as if
 * its own HTTP stack had received it ({@code abortWith}): the client's {@code ResponseExceptionMapper}s and JSON-B
 * readers then work as usual. The request's path and query are kept and put under the call's {@link Target}; the
 * target's headers (credentials) are added here and nowhere else. The answer goes on as it came (how a body without a
 * useful content type is read is the JSON policy's: {@code JsonAnswers}).
 */
@Priority(Integer.MAX_VALUE)
final class ThroughTransport implements ClientRequestFilter {

    /** Headers the JDK client sets itself, and refuses from callers. */
    private static final Set<String> OWN_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");
    /** Answer headers that describe the wire, not the entity. */
    private static final Set<String> WIRE_HEADERS =
            Set.of("content-length", "transfer-encoding", "connection", "keep-alive");
    /** Made on first use: only a request with an entity of its own type needs JSON-B to write it. */
    private static final class Writer {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    private final HttpTransport transport;
    private final Supplier<Target> target;

    ThroughTransport(HttpTransport transport, Supplier<Target> target) {
        this.transport = transport;
        this.target = target;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Target to = target.get();
        String raw = request.getUri().getRawPath()
                + (request.getUri().getRawQuery() == null
                        ? ""
                        : "?" + request.getUri().getRawQuery());
        HttpRequest.Builder builder = transport.request(to, raw, transport.readTimeout());
        request.getStringHeaders().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    && !to.headers().containsKey(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.method(request.getMethod(), body(request));
        HttpResponse<byte[]> answer = transport.send(to, builder.build(), transport.bytes());
        int status = answer.statusCode();
        // A method without a result has nothing to read from a success: its body is left out, so no runtime looks
        // for a reader of type void (Jersey picks its JSON-B reader for an application/json body, which cannot make
        // one).
        boolean bodyRead = status < 200 || status > 299 || !JsonAnswers.returnsNothing(request);
        Response.ResponseBuilder response = Response.status(status);
        if (bodyRead) {
            response.entity(new ByteArrayInputStream(answer.body()));
        }
        answer.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!WIRE_HEADERS.contains(lower) && (bodyRead || !lower.startsWith("content-"))) {
                values.forEach(value -> response.header(name, value));
            }
        });
        request.abortWith(response.build());
    }

    private static HttpRequest.BodyPublisher body(ClientRequestContext request) {
        if (!request.hasEntity()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        Object entity = request.getEntity();
        if (entity instanceof byte[] bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        if (entity instanceof String text) {
            return HttpRequest.BodyPublishers.ofString(text);
        }
        if (entity instanceof JsonValue json) {
            return HttpRequest.BodyPublishers.ofString(json.toString());
        }
        return HttpRequest.BodyPublishers.ofString(Writer.JSONB.toJson(entity));
    }
}
