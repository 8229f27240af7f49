package dev.printfarm.appconnection.sandbox;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests as a printer's host receives them, for tests of the host-side APIs. */
public final class HostRequests {

    public static final String BASE = "http://localhost:9080/sandbox/relay/C1";
    public static final String BOUNDARY = "sandboxBoundary";

    private HostRequests() {}

    public static OctoPrintRequest get(String path) {
        return request("GET", path, Map.of(), Optional.empty(), new byte[0]);
    }

    /** {@code query} as name, value, name, value, …; an empty value stands for a bare {@code ?name}. */
    public static OctoPrintRequest get(String path, String... query) {
        return request("GET", path, query(query), Optional.empty(), new byte[0]);
    }

    public static OctoPrintRequest post(String path, String... query) {
        return request("POST", path, query(query), Optional.empty(), new byte[0]);
    }

    public static OctoPrintRequest postJson(String path, String json) {
        return request("POST", path, Map.of(), Optional.of("application/json"), json.getBytes(StandardCharsets.UTF_8));
    }

    public static OctoPrintRequest request(
            String method, String path, Map<String, List<String>> query, Optional<String> contentType, byte[] body) {
        return new OctoPrintRequest(method, path, query, contentType, ReceivedBody.of(body), Optional.empty(), BASE);
    }

    public static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            query.put(pairs[i], List.of(pairs[i + 1]));
        }
        return query;
    }

    /** A multipart upload of {@code content} as {@code file}, with extra text fields as name, value, …. */
    public static OctoPrintRequest upload(String path, String filename, byte[] content, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(
                body,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            write(
                    body,
                    "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n");
        }
        write(body, "--" + BOUNDARY + "--\r\n");
        return request(
                "POST", path, Map.of(), Optional.of("multipart/form-data; boundary=" + BOUNDARY), body.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
