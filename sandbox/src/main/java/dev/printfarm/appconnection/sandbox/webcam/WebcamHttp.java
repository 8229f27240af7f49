package dev.printfarm.appconnection.sandbox.webcam;

import dev.printfarm.appconnection.sandbox.web.Replies;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;

/** Writes webcam answers to a servlet response; shared by the relay and the LAN face. */
public final class WebcamHttp {

    private WebcamHttp() {}

    public static void snapshot(HttpServletResponse response, byte[] jpeg) throws IOException {
        snapshot(response, jpeg, OptionalLong.empty());
    }

    /** With {@code cutAfterBytes} present, only that many bytes of the picture are sent ({@link Replies#cut}). */
    public static void snapshot(HttpServletResponse response, byte[] jpeg, OptionalLong cutAfterBytes)
            throws IOException {
        response.setStatus(200);
        response.setContentType("image/jpeg");
        noCache(response);
        Replies.cut(response, jpeg, cutAfterBytes.orElse(jpeg.length));
    }

    /**
     * Streams on the calling (request) thread until the stream ends; returning ends the response. The headers go out
     * with the first frame, so a printer's latency delays them too.
     */
    public static StreamOutcome stream(HttpServletResponse response, ActiveStream stream) throws IOException {
        ServletOutputStream out;
        try {
            response.setStatus(200);
            response.setContentType(MjpegParts.CONTENT_TYPE);
            noCache(response);
            out = response.getOutputStream();
        } catch (IOException | RuntimeException e) {
            stream.finish(StreamOutcome.CLIENT_GONE);
            throw e;
        }
        return stream.run(part -> {
            try {
                out.write(part);
                out.flush();
            } catch (IllegalStateException | IllegalArgumentException containerGaveUp) {
                throw new IOException("The container refused the write", containerGaveUp);
            }
        });
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0");
        response.setHeader("Pragma", "no-cache");
    }
}
