package dev.printfarm.appconnection.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * OctoPrint's {@code GET /api/files}: the entries (folders with their children when listed recursively) and the
 * free and total space of the host's storage when OctoPrint reports them.
 */
public record FileListing(List<PrinterFile> files, OptionalLong freeBytes, OptionalLong totalBytes) {

    public FileListing {
        files = List.copyOf(files);
        Objects.requireNonNull(freeBytes, "freeBytes");
        Objects.requireNonNull(totalBytes, "totalBytes");
    }

    /** Every file (not folder) at any depth, depth first. */
    public List<PrinterFile> allFiles() {
        List<PrinterFile> all = new ArrayList<>();
        collect(files, all);
        return all;
    }

    private static void collect(List<PrinterFile> entries, List<PrinterFile> into) {
        for (PrinterFile entry : entries) {
            if (entry.isFolder()) {
                collect(entry.children(), into);
            } else {
                into.add(entry);
            }
        }
    }
}
