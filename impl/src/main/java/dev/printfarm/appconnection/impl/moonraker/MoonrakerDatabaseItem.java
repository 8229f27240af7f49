package dev.printfarm.appconnection.impl.moonraker;

/** {@code GET /server/database/item}; only a text value is read. */
public record MoonrakerDatabaseItem(String namespace, String key, String value) {}
