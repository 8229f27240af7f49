package dev.printfarm.appconnection.impl.route;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A {@code multipart/form-data} body whose last part is a file streamed from the caller's stream, with its length
 * known up front (the relay wants a {@code Content-Length}). Field values and the file name go out as UTF-8; a quote,
 * CR or LF in a name is percent-encoded, as browsers do, so no value can end its part early.
 */
public final class MultipartForm {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final StringBuilder head = new StringBuilder();

    public MultipartForm() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        this.boundary = "appconnection-" + HexFormat.of().formatHex(bytes);
    }

    public MultipartForm field(String name, String value) {
        head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(quoted(name))
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The form's fields, then {@code content} as the part named {@code file}; {@code size} bytes are sent from it. */
    public HttpRequest.BodyPublisher withFile(String fileName, InputStream content, long size) {
        String filePart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        byte[] prefix = (head + filePart).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(prefix),
                        HttpRequest.BodyPublishers.ofInputStream(() -> content),
                        HttpRequest.BodyPublishers.ofByteArray(suffix)),
                prefix.length + size + suffix.length);
    }

    static String quoted(String name) {
        return name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
