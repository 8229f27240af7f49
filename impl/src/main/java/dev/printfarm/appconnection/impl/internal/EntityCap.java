package dev.printfarm.appconnection.impl.internal;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps every body a MicroProfile Rest Client reads ({@link BodyLimits#forStatus(int)}), and bounds what closing a
 * response reads too: Liberty's Rest Client (RESTEasy on Apache HttpClient 4) drains the rest of a body when a response
 * is closed, so a body that never ends would hold the thread for ever. Past the cap, or when more than the cap is left
 * unread at close, {@code abort} closes the client that owns the connection, and nothing more is read.
 */
public final class EntityCap implements ClientResponseFilter {

    private final BodyLimits limits;
    private final Runnable abort;

    /** @param abort closes the client the filter is registered on (with its connections); called at most once a body */
    public EntityCap(BodyLimits limits, Runnable abort) {
        this.limits = limits;
        this.abort = abort;
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        InputStream entity = response.getEntityStream();
        if (entity != null) {
            response.setEntityStream(new CappedEntity(entity, limits.forStatus(response.getStatus()),
                    response.getStatus(), abort));
        }
    }

    /** The entity stream: fails past the cap; on close reads what is left only up to the cap, else aborts. */
    static final class CappedEntity extends FilterInputStream {
        private final long limit;
        private final int status;
        private final Runnable abort;
        private long count;
        private boolean aborted;
        private boolean closed;

        CappedEntity(InputStream in, long limit, int status, Runnable abort) {
            super(in);
            this.limit = limit;
            this.status = status;
            this.abort = abort;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (aborted) {
                throw new BodyTooLargeException(limit, status);
            }
            int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (n > 0) {
                count += n;
                if (count > limit) {
                    abort();
                    throw new BodyTooLargeException(limit, status);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] discard = new byte[(int) Math.min(8192, Math.max(n, 1))];
            int read = read(discard, 0, (int) Math.min(discard.length, n));
            return Math.max(read, 0);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (aborted) {
                return;
            }
            byte[] discard = new byte[8192];
            try {
                while (count <= limit) {
                    int n = super.read(discard, 0, (int) Math.min(discard.length, limit - count + 1));
                    if (n < 0) {
                        super.close();
                        return;
                    }
                    count += n;
                }
            } catch (IOException broken) {
                // The connection is unusable either way: let it go like an oversized rest.
            }
            abort();
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void abort() {
            if (!aborted) {
                aborted = true;
                abort.run();
            }
        }
    }
}
