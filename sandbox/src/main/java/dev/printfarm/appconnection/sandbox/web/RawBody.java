package dev.printfarm.appconnection.sandbox.web;

import java.util.Optional;

/**
 * A non-JSON answer body: a download, a scripted answer, or nothing at all (a 204).
 *
 * @param endless the bytes are sent again and again, without a length, until the client leaves
 *                ({@link Replies#endless})
 */
public record RawBody(Optional<String> contentType, byte[] bytes, boolean endless) {

    public RawBody {
        bytes = bytes.clone();
        if (endless && bytes.length == 0) {
            throw new IllegalArgumentException("an endless body repeats some bytes, got none");
        }
    }

    public RawBody(Optional<String> contentType, byte[] bytes) {
        this(contentType, bytes, false);
    }

    public static RawBody none() {
        return new RawBody(Optional.empty(), new byte[0]);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes once: for an endless body, one repetition. */
    public int length() {
        return bytes.length;
    }
}
