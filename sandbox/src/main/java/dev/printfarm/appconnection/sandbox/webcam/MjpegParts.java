package dev.printfarm.appconnection.sandbox.webcam;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of an MJPEG stream as mjpg-streamer sends it: one {@code multipart/x-mixed-replace} body whose parts
 * each carry one JPEG with its own {@code Content-Type} and {@code Content-Length}. The stream never sends a closing
 * boundary: it ends when the connection does.
 */
public final class MjpegParts {

    public static final String BOUNDARY = "sandboxframe";
    public static final String CONTENT_TYPE = "multipart/x-mixed-replace;boundary=" + BOUNDARY;
    /** Each part's frame number, also drawn on the picture. */
    public static final String FRAME_HEADER = "X-Sandbox-Frame";

    private MjpegParts() {}

    /** One part: boundary line, headers, blank line, the JPEG, CRLF. */
    public static byte[] part(byte[] jpeg, long frame) {
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Type: image/jpeg\r\n"
                + "Content-Length: " + jpeg.length + "\r\n"
                + FRAME_HEADER + ": " + frame + "\r\n"
                + "\r\n";
        ByteArrayOutputStream part = new ByteArrayOutputStream(head.length() + jpeg.length + 2);
        part.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        part.writeBytes(jpeg);
        part.writeBytes(new byte[] {'\r', '\n'});
        return part.toByteArray();
    }
}
