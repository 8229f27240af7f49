package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.impl.json.OtherKeys;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/files} or {@code /api/files/{location}} in every shape seen: {@code files} as an array (1.x, and 2.0
 * without an API version header) or a map by file name, entries or storages; storages keyed at the top (2.0
 * recursive); one storage as the answer (2.0 {@code /api/files/local}); {@code free}/{@code total} at the top.
 */
public record OctoPrintFilesAnswer(
        List<OctoPrintFileEntry> files,
        Long free,
        Long total,
        String key,
        OctoPrintFileEntry.Usage usage,
        @OtherKeys Map<String, OctoPrintFileEntry> storages) {

    /** Whether the answer is one storage (2.0 {@code /api/files/{location}}). */
    public boolean isSingleStorage() {
        return key != null || usage != null;
    }

    /** The answer as the one storage it is. */
    public OctoPrintFileEntry asStorage() {
        return new OctoPrintFileEntry(null, null, null, null, null, null, null, null, List.of(), key, usage, files);
    }
}
