package dev.printfarm.appconnection.impl.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code Map<String, X>} record component: every key of the object that no other component names, read as
 * {@code X} (an object whose keys are data, such as OctoPrint's heaters or storages, next to fixed keys).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OtherKeys {}
