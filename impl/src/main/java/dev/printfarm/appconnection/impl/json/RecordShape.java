package dev.printfarm.appconnection.impl.json;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@link RecordReader} needs to know of a record type: its components by JSON name, and how to make one. */
final class RecordShape {

    private final Class<?> type;
    private final RecordComponent[] components;
    private final String[] names;
    private final Map<String, Integer> exact = new HashMap<>();
    private final Map<String, Integer> ignoringCase = new HashMap<>();
    private final Constructor<?> canonical;
    private final int otherKeys;
    private final int fromText;

    RecordShape(Class<?> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        this.names = new String[components.length];
        Class<?>[] parameters = new Class<?>[components.length];
        int others = -1;
        int text = -1;
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            JsonbProperty renamed = c.getAccessor().getAnnotation(JsonbProperty.class);
            names[i] = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            parameters[i] = c.getType();
            if (c.isAnnotationPresent(OtherKeys.class)) {
                others = i;
            } else {
                exact.put(names[i], i);
                ignoringCase.putIfAbsent(names[i].toLowerCase(Locale.ROOT), i);
            }
            if (c.isAnnotationPresent(FromText.class)) {
                text = i;
            }
        }
        this.otherKeys = others;
        this.fromText = text;
        try {
            this.canonical = type.getDeclaredConstructor(parameters);
            canonical.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor: " + type, e);
        }
    }

    int size() {
        return components.length;
    }

    /** The component a key names: spelt the same, else the same but for case; -1 for none. */
    int index(String key, boolean[] exactOnly) {
        Integer i = exact.get(key);
        if (i != null) {
            exactOnly[0] = true;
            return i;
        }
        exactOnly[0] = false;
        i = ignoringCase.get(key.toLowerCase(Locale.ROOT));
        return i == null ? -1 : i;
    }

    RecordComponent component(int i) {
        return components[i];
    }

    Type genericType(int i) {
        return components[i].getGenericType();
    }

    int otherKeys() {
        return otherKeys;
    }

    int fromText() {
        return fromText;
    }

    /** Values with {@code text} in the {@link FromText} component and nothing else. */
    Object[] withText(String text) {
        Object[] values = new Object[components.length];
        values[fromText] = text;
        return values;
    }

    /** A record of these values; absent lists and maps are empty, absent primitives their zero. */
    Object create(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = absent(components[i].getType());
            }
        }
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            // A compact constructor refused the values: the answer has another shape than the record.
            throw new UnreadableJsonException(
                    "does not fit " + type.getSimpleName() + " (" + e.getCause().getMessage() + ")", "");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getName(), e);
        }
    }

    private static Object absent(Class<?> type) {
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        return null;
    }
}
