package dev.printfarm.appconnection.impl.json;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The JSON-B deserializer of every record: keys matched as the component is named ({@code @JsonbProperty} or its own
 * name), else without regard to case; unknown keys ignored; anything but an object is an absent record (or its
 * {@link FromText} text). A list may come as an array or as an object whose values are the items; items of the wrong
 * kind are left out. A map is an object's entries. Values are read by {@link TolerantScalars}. Records nest at most
 * {@value #MAX_DEPTH} deep; deeper ones are skipped, not read. The whole value is read here, with the parser alone,
 * so that it does not depend on how a JSON-B implementation positions the parser for nested calls.
 */
final class RecordReader implements JsonbDeserializer<Record> {

    static final int MAX_DEPTH = 40;
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    @Override
    public Record deserialize(JsonParser parser, DeserializationContext context, Type type) {
        // JSON-B's parser shows no current event here: it has more only inside a structure, and an object's next
        // event is a key or its end.
        if (!parser.hasNext()) {
            return (Record) value(type, parser, scalarEvent(parser), 0, null);
        }
        Event first = parser.next();
        if (first == Event.KEY_NAME || first == Event.END_OBJECT) {
            return fields(SHAPES.get(raw(type)), type, parser, first, 0);
        }
        // An array where an object was asked for.
        if (first != Event.END_ARRAY) {
            Skipping.skip(parser, first);
            Skipping.skipRest(parser);
        }
        return null;
    }

    private static Event scalarEvent(JsonParser parser) {
        return switch (parser.getValue().getValueType()) {
            case STRING -> Event.VALUE_STRING;
            case NUMBER -> Event.VALUE_NUMBER;
            case TRUE -> Event.VALUE_TRUE;
            case FALSE -> Event.VALUE_FALSE;
            default -> Event.VALUE_NULL;
        };
    }

    static Object value(Type type, JsonParser parser, Event event, int depth, RecordComponent component) {
        Class<?> raw = raw(type);
        if (raw == List.class) {
            return list(argument(type, 0), parser, event, depth);
        }
        if (raw == Map.class) {
            return map(argument(type, 1), parser, event, depth);
        }
        if (Record.class.isAssignableFrom(raw)) {
            return record(SHAPES.get(raw), type, parser, event, depth);
        }
        if (raw == String.class && component != null && component.isAnnotationPresent(KeepBlank.class)) {
            return TolerantScalars.raw(event, parser);
        }
        BiFunction<Event, JsonParser, Object> scalar = TolerantScalars.READERS.get(raw);
        if (scalar == null) {
            throw new IllegalStateException("The JSON policy reads no " + raw.getName());
        }
        return scalar.apply(event, parser);
    }

    private static Record record(RecordShape shape, Type type, JsonParser parser, Event event, int depth) {
        if (event != Event.START_OBJECT || depth >= MAX_DEPTH) {
            String text = shape.fromText() >= 0 ? TolerantScalars.text(event, parser) : null;
            Skipping.skip(parser, event);
            return text == null ? null : (Record) shape.create(shape.withText(text));
        }
        return fields(shape, type, parser, parser.next(), depth);
    }

    /** The record of an object whose first key (or end) the parser stands on. */
    private static Record fields(RecordShape shape, Type type, JsonParser parser, Event first, int depth) {
        Object[] values = new Object[shape.size()];
        boolean[] exact = new boolean[shape.size()];
        boolean[] matchedExactly = new boolean[1];
        Map<String, Object> others = shape.otherKeys() >= 0 ? new LinkedHashMap<>() : null;
        Type othersType = others == null ? null : argument(resolve(shape.genericType(shape.otherKeys()), type), 1);
        for (Event next = first; next != Event.END_OBJECT; next = parser.next()) {
            String key = parser.getString();
            Event valueEvent = parser.next();
            int i = shape.index(key, matchedExactly);
            if (i >= 0 && (values[i] == null || matchedExactly[0] && !exact[i])) {
                Object read =
                        value(resolve(shape.genericType(i), type), parser, valueEvent, depth + 1, shape.component(i));
                if (read != null || matchedExactly[0]) {
                    values[i] = read;
                    exact[i] = matchedExactly[0];
                }
            } else if (i < 0 && others != null) {
                Object read = value(othersType, parser, valueEvent, depth + 1, null);
                if (read != null) {
                    others.putIfAbsent(key, read);
                }
            } else {
                Skipping.skip(parser, valueEvent);
            }
        }
        if (others != null) {
            values[shape.otherKeys()] = Collections.unmodifiableMap(others);
        }
        return (Record) shape.create(values);
    }

    private static List<Object> list(Type itemType, JsonParser parser, Event event, int depth) {
        if (event != Event.START_ARRAY && event != Event.START_OBJECT) {
            Skipping.skip(parser, event);
            return List.of();
        }
        Event end = event == Event.START_ARRAY ? Event.END_ARRAY : Event.END_OBJECT;
        List<Object> items = new ArrayList<>();
        for (Event next = parser.next(); next != end; next = parser.next()) {
            Event itemEvent = next == Event.KEY_NAME ? parser.next() : next;
            Object item = value(itemType, parser, itemEvent, depth, null);
            if (item != null) {
                items.add(item);
            }
        }
        return Collections.unmodifiableList(items);
    }

    private static Map<String, Object> map(Type valueType, JsonParser parser, Event event, int depth) {
        if (event != Event.START_OBJECT) {
            Skipping.skip(parser, event);
            return Map.of();
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Event next = parser.next(); next != Event.END_OBJECT; next = parser.next()) {
            String key = parser.getString();
            Object value = value(valueType, parser, parser.next(), depth, null);
            if (value != null) {
                entries.putIfAbsent(key, value);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** A component's type with the record's type variables replaced by the arguments the caller asked for. */
    private static Type resolve(Type componentType, Type recordType) {
        if (componentType instanceof TypeVariable<?> variable && recordType instanceof ParameterizedType asked) {
            TypeVariable<?>[] declared = raw(recordType).getTypeParameters();
            for (int i = 0; i < declared.length; i++) {
                if (declared[i].getName().equals(variable.getName())) {
                    return asked.getActualTypeArguments()[i];
                }
            }
        }
        return componentType;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("The JSON policy reads no " + type);
    }
}
