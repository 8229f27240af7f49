package dev.printfarm.appconnection.impl.route;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads the answer of a Rest Client method declared {@code void} as nothing. Jersey's MicroProfile Rest Client (Payara)
 * asks for a reader of type {@code void} whenever such an answer has a body ("MessageBodyReader not found for media
 * type=application/octet-stream, type=void"), where RESTEasy (Liberty) ignores the body; an OctoEverywhere answer of
 * {@code {}} to a command would otherwise fail the call.
 */
final class DiscardedBody implements MessageBodyReader<Object> {

    static final DiscardedBody INSTANCE = new DiscardedBody();

    private DiscardedBody() {}

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == void.class || type == Void.class;
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        // The answer is already in memory (ThroughTransport): nothing to drain.
        return null;
    }
}
