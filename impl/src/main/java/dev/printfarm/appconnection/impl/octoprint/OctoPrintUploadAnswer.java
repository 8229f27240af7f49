package dev.printfarm.appconnection.impl.octoprint;

import java.util.Map;

/** {@code POST /api/files/{location}}: 1.x {@code files.{local|sdcard}}, 2.0 {@code file}; and what OctoPrint did. */
public record OctoPrintUploadAnswer(
        OctoPrintFileEntry file,
        Map<String, OctoPrintFileEntry> files,
        Boolean done,
        Boolean effectiveSelect,
        Boolean effectivePrint) {}
