package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.internal.BodyLimits;

/**
 * The caps on bodies the module reads whole: JSON answers (4 MiB), error bodies (64 KiB) and webcam snapshots and
 * stream frames (8 MiB). Over a cap a call fails; downloads and streams the caller reads have none.
 */
public record LimitSettings(BodyLimits bodies) {

    public static final String JSON_BYTES = "appconnection.limits.json-bytes";
    public static final String ERROR_BYTES = "appconnection.limits.error-bytes";
    public static final String SNAPSHOT_BYTES = "appconnection.limits.snapshot-bytes";

    public static LimitSettings read(ConfigReader in) {
        return new LimitSettings(new BodyLimits(
                in.bytes(JSON_BYTES, 4L * 1024 * 1024, 1, Long.MAX_VALUE),
                in.bytes(ERROR_BYTES, 64L * 1024, 1, Long.MAX_VALUE),
                // A snapshot is read into one array.
                in.bytes(SNAPSHOT_BYTES, 8L * 1024 * 1024, 1, Integer.MAX_VALUE - 8)));
    }
}
