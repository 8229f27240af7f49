package dev.printfarm.appconnection.impl.octoprint;

import java.time.Instant;
import java.util.List;

/**
 * A file or folder of a listing ({@code GET /api/files/{location}/{path}} answers one), or, in 2.0, a storage
 * ({@code {"key", "files": [...], "usage": {"free", "total"}}}): OctoPrint lists both where an entry may stand.
 */
public record OctoPrintFileEntry(
        String name,
        String path,
        String display,
        String origin,
        String type,
        Long size,
        Instant date,
        Analysis gcodeAnalysis,
        List<OctoPrintFileEntry> children,
        String key,
        Usage usage,
        List<OctoPrintFileEntry> files) {

    /** The slicer's estimate. */
    public record Analysis(Double estimatedPrintTime) {}

    /** A storage's space in bytes. */
    public record Usage(Long free, Long total) {}

    /** A storage (2.0) rather than a file: it has a key or a usage. */
    public boolean isStorage() {
        return key != null || usage != null;
    }
}
