package dev.printfarm.appconnection.impl.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a String record component: the record may also come as a bare JSON text, which is then this component (e.g.
 * Moonraker's {@code "error": "Not Found"} next to {@code "error": {"message": ...}}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FromText {}
