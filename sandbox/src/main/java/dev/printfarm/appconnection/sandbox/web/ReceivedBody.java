package dev.printfarm.appconnection.sandbox.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A request body as received: the first bytes (up to a cap) and how many bytes arrived in all.
 *
 * @param total every byte received; more than {@code bytes.length} when the body went over the cap
 */
public record ReceivedBody(byte[] bytes, long total) {

    public static final ReceivedBody EMPTY = new ReceivedBody(new byte[0], 0);

    public ReceivedBody {
        bytes = bytes.clone();
        if (total < bytes.length) {
            throw new IllegalArgumentException("total " + total + " < kept " + bytes.length);
        }
    }

    public static ReceivedBody of(byte[] bytes) {
        return new ReceivedBody(bytes, bytes.length);
    }

    /**
     * Reads the whole body, keeping at most {@code keepAtMost} bytes and counting the rest, so that the client can
     * finish sending and get an answer rather than a broken pipe.
     */
    public static ReceivedBody read(InputStream in, long keepAtMost) throws IOException {
        return read(in, keepAtMost, bytes -> {});
    }

    /**
     * As {@link #read(InputStream, long)}, telling {@code received} the size of every chunk as soon as it has arrived,
     * so that progress can be watched while a large body is still coming in. The sizes add up to {@code total}.
     */
    public static ReceivedBody read(InputStream in, long keepAtMost, LongConsumer received) throws IOException {
        int cap = (int) Math.min(Math.max(0, keepAtMost), Integer.MAX_VALUE - 8);
        byte[] kept = new byte[Math.min(cap, 64 * 1024)];
        int keptLength = 0;
        long total = 0;
        byte[] chunk = new byte[64 * 1024];
        for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
            total += read;
            received.accept(read);
            int toKeep = Math.min(read, cap - keptLength);
            if (toKeep > 0) {
                if (keptLength + toKeep > kept.length) {
                    kept = Arrays.copyOf(kept, (int) Math.min(cap, Math.max(kept.length * 2L, keptLength + toKeep)));
                }
                System.arraycopy(chunk, 0, kept, keptLength, toKeep);
                keptLength += toKeep;
            }
        }
        return new ReceivedBody(Arrays.copyOf(kept, keptLength), total);
    }

    public boolean truncated() {
        return total > bytes.length;
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
