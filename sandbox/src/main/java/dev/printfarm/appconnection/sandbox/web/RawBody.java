package dev.printfarm.appconnection.sandbox.web;

import java.util.Optional;

/** A non-JSON answer body: a download, a scripted answer, or nothing at all (a 204). */
public record RawBody(Optional<String> contentType, byte[] bytes) {

    public RawBody {
        bytes = bytes.clone();
    }

    public static RawBody none() {
        return new RawBody(Optional.empty(), new byte[0]);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }
}
