package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityCapTest {

    private static final BodyLimits LIMITS = new BodyLimits(1024 * 1024, 64 * 1024, 8 * 1024 * 1024);

    private int aborts;
    private final EntityCap cap = new EntityCap(LIMITS, () -> aborts++);

    /** Counts what is read from it; never ends unless given a length. */
    static final class Body extends InputStream {
        private final long length;
        long served;
        boolean closed;

        Body(long length) {
            this.length = length;
        }

        static Body endless() {
            return new Body(Long.MAX_VALUE);
        }

        @Override
        public int read() {
            if (served >= length) {
                return -1;
            }
            served++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - served);
            served += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void anEndlessAnswerFailsPastTheCapAndAbortsWithoutDraining() throws Exception {
        Body endless = Body.endless();
        Answer answer = new Answer(200, endless);
        cap.filter(null, answer);
        InputStream entity = answer.getEntityStream();
        var e = assertThrows(BodyTooLargeException.class, entity::readAllBytes);
        assertEquals(LIMITS.jsonBytes(), e.limit());
        assertEquals(1, aborts, "the client that owns the connection is closed");
        assertTrue(endless.served <= LIMITS.jsonBytes() + 1, "read " + endless.served);
        long before = endless.served;
        entity.close();
        assertEquals(before, endless.served, "closing reads nothing more");
        assertFalse(endless.closed, "nor hands the connection back to be drained");
        assertEquals(1, aborts);
    }

    @Test
    void anUnreadSmallErrorBodyIsDrainedAndReleasedOnClose() throws Exception {
        Body small = new Body(300);
        Answer answer = new Answer(503, small);
        cap.filter(null, answer);
        answer.getEntityStream().close();
        assertEquals(300, small.served);
        assertTrue(small.closed);
        assertEquals(0, aborts);
    }

    @Test
    void anUnreadEndlessErrorBodyIsReadOnlyUpToItsCapOnClose() throws Exception {
        Body endless = Body.endless();
        Answer answer = new Answer(500, endless);
        cap.filter(null, answer);
        answer.getEntityStream().close();
        assertTrue(endless.served <= LIMITS.errorBytes() + 1, "read " + endless.served);
        assertFalse(endless.closed);
        assertEquals(1, aborts);
    }

    @Test
    void anAnswerUnderTheCapReadsWhole() throws Exception {
        Answer answer = new Answer(200, new ByteArrayInputStream("{\"ok\":true}".getBytes()));
        cap.filter(null, answer);
        assertEquals("{\"ok\":true}", new String(answer.getEntityStream().readAllBytes()));
        answer.getEntityStream().close();
        assertEquals(0, aborts);
    }

    /** Just enough of a response for the filter: status and entity stream. */
    static final class Answer implements ClientResponseContext {
        private final int status;
        private InputStream entity;

        Answer(int status, InputStream entity) {
            this.status = status;
            this.entity = entity;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public InputStream getEntityStream() {
            return entity;
        }

        @Override
        public void setEntityStream(InputStream input) {
            entity = input;
        }

        @Override
        public boolean hasEntity() {
            return entity != null;
        }

        @Override
        public void setStatus(int code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Response.StatusType getStatusInfo() {
            return Response.Status.fromStatusCode(status);
        }

        @Override
        public void setStatusInfo(Response.StatusType statusInfo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MultivaluedMap<String, String> getHeaders() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public String getHeaderString(String name) {
            return null;
        }

        @Override
        public Set<String> getAllowedMethods() {
            return Set.of();
        }

        @Override
        public Date getDate() {
            return null;
        }

        @Override
        public Locale getLanguage() {
            return null;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public MediaType getMediaType() {
            return null;
        }

        @Override
        public Map<String, NewCookie> getCookies() {
            return Map.of();
        }

        @Override
        public EntityTag getEntityTag() {
            return null;
        }

        @Override
        public Date getLastModified() {
            return null;
        }

        @Override
        public URI getLocation() {
            return null;
        }

        @Override
        public Set<Link> getLinks() {
            return Set.of();
        }

        @Override
        public boolean hasLink(String relation) {
            return false;
        }

        @Override
        public Link getLink(String relation) {
            return null;
        }

        @Override
        public Link.Builder getLinkBuilder(String relation) {
            return null;
        }
    }
}
