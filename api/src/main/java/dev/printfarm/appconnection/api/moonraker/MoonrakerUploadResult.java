package dev.printfarm.appconnection.api.moonraker;

import java.util.Objects;

/**
 * Moonraker's answer to an upload.
 *
 * @param file         the stored file
 * @param printStarted whether printing it started
 * @param printQueued  whether it went into Moonraker's job queue instead
 */
public record MoonrakerUploadResult(MoonrakerFile file, boolean printStarted, boolean printQueued) {
    public MoonrakerUploadResult {
        Objects.requireNonNull(file, "file");
    }
}
