package dev.printfarm.appconnection.sandbox.octoprint;

import dev.printfarm.appconnection.sandbox.web.RawBody;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer a test scripted for one method and path of one printer; the printer answers exactly this (relay and
 * LAN) until the script is removed.
 *
 * @param path    the printer-side path, compared exactly and without the query string
 * @param headers sent as given; a {@code Content-Type} here sets the body's content type
 * @param endless the body is sent again and again, without a length, until the client leaves: a printer whose answer
 *                never ends (the relay holds only one repetition against the download limit)
 */
public record ScriptedResponse(
        String method, String path, int status, String body, Map<String, String> headers, boolean endless) {

    public ScriptedResponse {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, got " + path);
        }
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be 100..999, got " + status);
        }
        if (endless && body.isEmpty()) {
            throw new IllegalArgumentException("an endless answer needs a body to repeat");
        }
    }

    public ScriptedResponse(String method, String path, int status, String body, Map<String, String> headers) {
        this(method, path, status, body, headers, false);
    }

    public boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }

    public OctoPrintAnswer answer() {
        Optional<String> contentType = headers.entrySet().stream()
                .filter(header -> "content-type".equalsIgnoreCase(header.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
        OctoPrintAnswer answer =
                OctoPrintAnswer.raw(status, new RawBody(contentType, body.getBytes(StandardCharsets.UTF_8), endless));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!"content-type".equalsIgnoreCase(header.getKey())) {
                answer = answer.withHeader(header.getKey(), header.getValue());
            }
        }
        return answer;
    }
}
