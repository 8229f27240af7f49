package dev.printfarm.appconnection.sandbox.printer;

import java.time.Instant;

/**
 * A file as a print job refers to it.
 *
 * @param location {@code local} or {@code sdcard}, as stored; the 2.0 shapes show {@code sdcard} as {@code printer}
 */
public record JobFile(String name, String path, String location, long size, Instant date) {

    public static JobFile of(StoredFile file) {
        return new JobFile(file.name(), file.path(), file.location(), file.size(), file.date());
    }
}
