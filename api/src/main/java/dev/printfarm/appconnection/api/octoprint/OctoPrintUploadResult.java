package dev.printfarm.appconnection.api.octoprint;

import java.util.Objects;
import java.util.Optional;

/**
 * OctoPrint's answer to an upload.
 *
 * @param file     the stored file as OctoPrint lists it, when it says
 * @param done     whether OctoPrint finished storing it (uploads to the printer's own storage continue in the background)
 * @param selected whether it was selected ({@code effectiveSelect})
 * @param printing whether printing it started ({@code effectivePrint})
 */
public record OctoPrintUploadResult(Optional<OctoPrintFile> file, boolean done, boolean selected, boolean printing) {

    public OctoPrintUploadResult {
        Objects.requireNonNull(file, "file");
    }
}
