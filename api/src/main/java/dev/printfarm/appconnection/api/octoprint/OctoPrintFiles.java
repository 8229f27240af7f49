package dev.printfarm.appconnection.api.octoprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * OctoPrint's {@code GET /api/files}: the entries (folders with their children when listed recursively) and the
 * free and total space of the host's storage when OctoPrint reports them.
 */
public record OctoPrintFiles(List<OctoPrintFile> files, OptionalLong freeBytes, OptionalLong totalBytes) {

    public OctoPrintFiles {
        files = List.copyOf(files);
        Objects.requireNonNull(freeBytes, "freeBytes");
        Objects.requireNonNull(totalBytes, "totalBytes");
    }

    /** Every file (not folder) at any depth, depth first. */
    public List<OctoPrintFile> allFiles() {
        List<OctoPrintFile> all = new ArrayList<>();
        collect(files, all);
        return all;
    }

    private static void collect(List<OctoPrintFile> entries, List<OctoPrintFile> into) {
        for (OctoPrintFile entry : entries) {
            if (entry.isFolder()) {
                collect(entry.children(), into);
            } else {
                into.add(entry);
            }
        }
    }
}
