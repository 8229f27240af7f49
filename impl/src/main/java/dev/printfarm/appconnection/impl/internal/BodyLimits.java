package dev.printfarm.appconnection.impl.internal;

/**
 * The caps on bodies the module reads whole: JSON answers, error bodies, webcam snapshots. Streams the caller reads
 * (downloads, webcam streams) have none.
 */
public record BodyLimits(long jsonBytes, long errorBytes, long snapshotBytes) {

    public BodyLimits {
        if (jsonBytes < 1 || errorBytes < 1 || snapshotBytes < 1 || snapshotBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("body limits must be positive (a snapshot fits in an array)");
        }
    }

    /** The cap for an answer with this status: an error body's, or a JSON answer's. */
    public long forStatus(int status) {
        return status >= 400 ? errorBytes : jsonBytes;
    }
}
