package dev.printfarm.appconnection.impl.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The module's one JSON-B and its reading policy: unknown keys ignored, keys matched without regard to case when no
 * component is spelt the same, every value optional and of the wrong type read as absent, numbers also as strings,
 * lists also as objects of items (see {@link RecordReader} and {@link TolerantScalars}). An empty body reads as the
 * record with nothing in it; a body that is not JSON, or not the object the record needs, is an
 * {@link UnreadableJsonException}. Thread-safe.
 */
public final class WireJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new RecordReader()));

    private WireJson() {}

    /** The one JSON-B, for the JAX-RS providers. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    public static <T> T read(String body, Class<T> type) {
        return read(body, (Type) type);
    }

    public static <T> T read(byte[] body, Type type) {
        return read(new String(body, StandardCharsets.UTF_8), type);
    }

    /** {@code body} as {@code type} (a record, or a record with type arguments). */
    @SuppressWarnings("unchecked")
    public static <T> T read(String body, Type type) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            return (T) JSONB.fromJson("{}", type);
        }
        Object value;
        try {
            value = JSONB.fromJson(text, type);
        } catch (JsonbException | JsonParsingException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof UnreadableJsonException unreadable) {
                    throw new UnreadableJsonException(unreadable.problem(), Excerpt.of(text));
                }
            }
            throw new UnreadableJsonException(UnreadableJsonException.NOT_JSON, Excerpt.of(text));
        }
        if (value == null) {
            throw new UnreadableJsonException("is " + kind(text) + " where an object was expected", Excerpt.of(text));
        }
        return (T) value;
    }

    /** The type {@code raw<arguments>}, to read a generic record such as an envelope. */
    public static ParameterizedType type(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String toString() {
                return raw.getTypeName() + java.util.Arrays.toString(arguments);
            }
        };
    }

    /** A value as JSON text: records by their components (or {@code @JsonbProperty} names), nulls left out. */
    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    private static String kind(String json) {
        return switch (json.charAt(0)) {
            case '[' -> "a JSON array";
            case '"' -> "a JSON string";
            case 't', 'f' -> "a JSON boolean";
            case 'n' -> "JSON null";
            default -> "a JSON number";
        };
    }
}
