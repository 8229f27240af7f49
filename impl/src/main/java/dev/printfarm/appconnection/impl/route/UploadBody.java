package dev.printfarm.appconnection.impl.route;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The caller's stream, read as exactly {@code size} bytes: it counts what was read (an upload that read nothing
 * can be sent again) and fails the upload when the stream is shorter or longer than announced.
 */
public final class UploadBody extends InputStream {

    private final InputStream content;
    private final long size;
    private long read;
    private volatile String mismatch;

    public UploadBody(InputStream content, long size) {
        this.content = content;
        this.size = size;
    }

    public long bytesRead() {
        return read;
    }

    /** Why the stream did not match its size, if it did not. */
    public Optional<String> mismatch() {
        return Optional.ofNullable(mismatch);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (read == size) {
            if (content.read() != -1) {
                mismatch = "the content is longer than the announced size of " + size + " bytes";
                throw new IOException(mismatch);
            }
            return -1;
        }
        int n = content.read(buffer, offset, (int) Math.min(length, size - read));
        if (n < 0) {
            mismatch = "the content ended after " + read + " of the announced " + size + " bytes";
            throw new IOException(mismatch);
        }
        read += n;
        return n;
    }
}
