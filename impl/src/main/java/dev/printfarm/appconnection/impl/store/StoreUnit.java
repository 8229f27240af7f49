package dev.printfarm.appconnection.impl.store;

/**
 * The module's persistence unit. Its name is namespaced so that it never clashes with a unit of the application that
 * carries the module (a WAR may hold several {@code persistence.xml} files, and unit names must be unique in it).
 */
public final class StoreUnit {

    /** The unit's name in {@code META-INF/persistence.xml}. */
    public static final String NAME = "dev.printfarm.appconnection";

    private StoreUnit() {}
}
