package dev.printfarm.appconnection.impl.json;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * {@link WireJson} as a Rest Client's JSON: records are read from an answer of any content type (a JSON body sent as
 * {@code text/plain}, {@code application/octet-stream} or with none is still JSON) and written as
 * {@code application/json}; anything else that asks the runtime for a {@link Jsonb} gets the same one. Stateless.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json", MediaType.WILDCARD})
@Produces(MediaType.APPLICATION_JSON)
public final class WireJsonProvider
        implements MessageBodyReader<Record>, MessageBodyWriter<Record>, ContextResolver<Jsonb> {

    /** The one instance every client registers. */
    public static final WireJsonProvider INSTANCE = new WireJsonProvider();

    private WireJsonProvider() {}

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type);
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        return WireJson.read(body.readAllBytes(), genericType == null ? type : genericType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Record.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            Record value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream body)
            throws IOException {
        body.write(WireJson.write(value).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return WireJson.jsonb();
    }
}
