package dev.printfarm.appconnection.sandbox.web;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Writes a JSON or raw answer with extra headers; status by {@code setStatus} only, so 6xx survive. */
public final class Replies {

    /**
     * How long an endless body goes on at most: far longer than a client under test may take to give it up, and still
     * an end (a client that reads, or drains, for ever would otherwise hold a thread for ever).
     */
    static final Duration ENDLESS_FOR = Duration.ofMinutes(1);

    private Replies() {}

    public static void write(
            HttpServletResponse response,
            int status,
            Map<String, String> headers,
            JsonObject json,
            Optional<RawBody> raw,
            boolean withBody)
            throws IOException {
        headers.forEach(response::setHeader);
        if (raw.isEmpty()) {
            JsonResponses.write(response, status, json, withBody);
            return;
        }
        response.setStatus(status);
        raw.get().contentType().ifPresent(response::setContentType);
        if (raw.get().endless()) {
            if (withBody) {
                endless(response, raw.get().bytes(), ENDLESS_FOR);
            }
            return;
        }
        response.setContentLength(raw.get().length());
        if (withBody && raw.get().length() > 0) {
            response.getOutputStream().write(raw.get().bytes());
        }
    }

    /**
     * Sends {@code unit} again and again with no declared length (chunked), flushing each time, until the client stops
     * reading and the connection breaks, or for {@code atMost}. A client that leaves is what this answer waits for, so
     * that is not an error here.
     */
    static void endless(HttpServletResponse response, byte[] unit, Duration atMost) throws IOException {
        var out = response.getOutputStream();
        long end = System.nanoTime() + atMost.toNanos();
        try {
            while (System.nanoTime() - end < 0) {
                out.write(unit);
                out.flush();
            }
        } catch (IOException clientLeft) {
            // The end this answer is for.
        }
    }

    /**
     * As {@link #write(HttpServletResponse, int, Map, JsonObject, Optional, boolean)}, but with {@code cutAfterBytes}
     * present only that many bytes of the body are sent (see {@link #cut}); a body no longer than that, or no body at
     * all (HEAD), is written whole.
     */
    public static void write(
            HttpServletResponse response,
            int status,
            Map<String, String> headers,
            JsonObject json,
            Optional<RawBody> raw,
            boolean withBody,
            OptionalLong cutAfterBytes)
            throws IOException {
        if (!withBody || cutAfterBytes.isEmpty() || raw.filter(RawBody::endless).isPresent()) {
            write(response, status, headers, json, raw, withBody);
            return;
        }
        headers.forEach(response::setHeader);
        response.setStatus(status);
        if (raw.isPresent()) {
            raw.get().contentType().ifPresent(response::setContentType);
            cut(response, raw.get().bytes(), cutAfterBytes.getAsLong());
        } else {
            response.setContentType("application/json");
            cut(response, json.toString().getBytes(StandardCharsets.UTF_8), cutAfterBytes.getAsLong());
        }
    }

    /**
     * Declares the whole {@code body} as Content-Length but sends only its first {@code keep} bytes (all of a shorter
     * body), so a client reads end-of-stream before the declared length. The headers and those bytes must leave before
     * the servlet returns: Liberty ignores the first flush of a response, hence two; were the response still
     * uncommitted at the end, Liberty would fix Content-Length to the bytes written (see {@link #abort}). Seen on
     * Liberty 26.0.0.5: finding the body short, it closes the connection after those bytes. Status and content type are
     * the caller's.
     */
    public static void cut(HttpServletResponse response, byte[] body, long keep) throws IOException {
        response.setContentLength(body.length);
        if (keep >= body.length) {
            response.getOutputStream().write(body);
            return;
        }
        response.getOutputStream().write(body, 0, (int) keep);
        response.flushBuffer();
        response.flushBuffer();
    }

    /**
     * Meant as a connection reset: headers promising a body that never comes. Seen on Liberty 26.0.0.5 it is
     * not one: the response is not committed yet, so the container rewrites Content-Length to the one byte written
     * and a client gets a complete answer, status 200 and the single character '{': unparsable JSON. Throwing after
     * the flush did not help either (Liberty sent its own 500 page). Kept as it is because callers rely on exactly
     * this answer; {@link #cut} is the true mid-body break.
     */
    public static void abort(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(1 << 20);
        response.getOutputStream().write('{');
        response.flushBuffer();
    }
}
