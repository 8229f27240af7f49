package dev.printfarm.appconnection.impl.json;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** A wire record's absent ({@code null}) values as the api's optionals. */
public final class Optionals {

    private Optionals() {}

    public static OptionalDouble of(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    public static OptionalLong of(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    public static OptionalInt of(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** An absent flag is false. */
    public static boolean isTrue(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }
}
