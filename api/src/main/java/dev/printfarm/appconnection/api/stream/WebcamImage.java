package dev.printfarm.appconnection.api.stream;

import java.time.Instant;
import java.util.Objects;

/**
 * One picture from a webcam: a snapshot, or a frame of an MJPEG stream. The bytes are copied in and out, so an
 * image can be handed to several consumers safely.
 *
 * @param sequence   the frame's number within its stream, from 1; 0 for a snapshot
 * @param contentType usually {@code image/jpeg}
 */
public record WebcamImage(long sequence, Instant receivedAt, String contentType, byte[] data) {

    public WebcamImage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentType, "contentType");
        data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebcamImage w
                && w.sequence == sequence
                && w.receivedAt.equals(receivedAt)
                && w.contentType.equals(contentType)
                && java.util.Arrays.equals(w.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, receivedAt, contentType, java.util.Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "WebcamImage[#" + sequence + ", " + contentType + ", " + data.length + " bytes, " + receivedAt + "]";
    }
}
