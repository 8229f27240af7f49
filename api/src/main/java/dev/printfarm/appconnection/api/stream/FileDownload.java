package dev.printfarm.appconnection.api.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file coming from the printer, streamed: read {@link #body()} and close it. Not thread-safe.
 *
 * @param length the length the printer announced, when it did
 */
public record FileDownload(InputStream body, OptionalLong length, Optional<String> contentType)
        implements AutoCloseable {

    public FileDownload {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close the download", e);
        }
    }
}
