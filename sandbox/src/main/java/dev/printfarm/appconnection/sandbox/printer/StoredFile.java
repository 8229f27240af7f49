package dev.printfarm.appconnection.sandbox.printer;

import java.time.Instant;

/** A file held by the emulated OctoPrint, bytes and all. The bytes are never changed after storing. */
public record StoredFile(String location, String path, byte[] content, Instant date) {

    public StoredFile {
        content = content.clone();
    }

    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public long size() {
        return content.length;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
