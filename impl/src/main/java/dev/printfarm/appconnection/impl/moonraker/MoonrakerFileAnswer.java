package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.impl.json.KeepBlank;
import java.time.Instant;

/** A file of {@code GET /server/files/list} or of an upload's {@code item}; an empty permission means no access. */
public record MoonrakerFileAnswer(
        String path, Long size, Instant modified, @KeepBlank String permissions) {}
