package dev.printfarm.appconnection.sandbox.web;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Writes a JSON or raw answer with extra headers; status by {@code setStatus} only, so 6xx survive. */
public final class Replies {

    private Replies() {
    }

    public static void write(HttpServletResponse response, int status, Map<String, String> headers, JsonObject json,
                             Optional<RawBody> raw, boolean withBody) throws IOException {
        headers.forEach(response::setHeader);
        if (raw.isEmpty()) {
            JsonResponses.write(response, status, json, withBody);
            return;
        }
        response.setStatus(status);
        raw.get().contentType().ifPresent(response::setContentType);
        response.setContentLength(raw.get().length());
        if (withBody && raw.get().length() > 0) {
            response.getOutputStream().write(raw.get().bytes());
        }
    }

    /**
     * Meant as a connection reset: headers promising a body that never comes. Seen on Liberty 26.0.0.5 it is
     * not one: the container rewrites Content-Length to the one byte written, so a client gets a complete
     * answer, status 200 and the single character '{': unparsable JSON. Throwing after the flush did not help either (the
     * response was still uncommitted; Liberty sent its own 500 page). A true mid-body reset is still to be found.
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
