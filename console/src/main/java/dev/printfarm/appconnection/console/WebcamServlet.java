package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.NoWebcamException;
import dev.printfarm.appconnection.api.error.UnknownConnectionException;
import dev.printfarm.appconnection.api.error.WebcamLimitException;
import dev.printfarm.appconnection.api.stream.StreamEnd;
import dev.printfarm.appconnection.api.stream.WebcamImage;
import dev.printfarm.appconnection.api.stream.WebcamListener;
import dev.printfarm.appconnection.console.farm.Farm;
import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer's camera for the browser: {@code /webcam/{connectionId}/snapshot} (a JPEG, PNG or WebP picture) and
 * {@code /webcam/{connectionId}/stream} (MJPEG, for an {@code <img>}). Every open page shares the module's one stream
 * from the printer; each page gets the frames as they come, and a page that reads slowly skips frames rather than
 * making the server hold them. Only pictures reach the browser: their type is told from their bytes
 * ({@link ImageType}); anything else is a 502 with a plain-text reason, or ends the stream. A connection of another
 * farm is a 404, as an unknown one is.
 */
@WebServlet("/webcam/*")
public class WebcamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BOUNDARY = "consoleframe";
    private static final String MJPEG = "multipart/x-mixed-replace;boundary=" + BOUNDARY;
    /** A browser that takes no frame for this long is dropped. */
    private static final Duration IDLE = Duration.ofSeconds(30);
    /** The largest picture (snapshot or frame) the console passes on. */
    static final int MAX_IMAGE_BYTES = 8 * 1024 * 1024;

    static final String NOT_AN_IMAGE = "The printer's camera answered something that is not a JPEG, PNG or WebP image";
    static final String NOT_A_JPEG = "The printer's camera stream sent something that is not a JPEG picture";
    static final String TOO_LARGE = "The printer's camera sent a picture larger than the console serves ("
            + MAX_IMAGE_BYTES / (1024 * 1024) + " MiB)";

    @Inject
    transient AppConnectionService connections;

    @Inject
    transient Farm farm;

    /** What the viewer's queue carries: a frame, or the end. */
    private record Item(WebcamImage frame, StreamEnd end) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().split("/");
        if (parts.length != 3 || parts[1].isBlank()) {
            response.sendError(404);
            return;
        }
        String id = parts[1];
        response.setHeader("Cache-Control", "no-store");
        if (farm.connection(id).isEmpty()) {
            response.sendError(404);
            return;
        }
        try {
            switch (parts[2]) {
                case "snapshot" -> snapshot(id, response);
                case "stream" -> stream(id, response);
                default -> response.sendError(404);
            }
        } catch (UnknownConnectionException e) {
            response.sendError(404);
        } catch (NoWebcamException e) {
            refuse(response, 404, e.getMessage());
        } catch (WebcamLimitException e) {
            e.retryAfter()
                    .ifPresent(
                            wait -> response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
            refuse(response, 503, e.getMessage());
        } catch (AppConnectionException e) {
            refuse(response, 502, e.getMessage());
        }
    }

    private void snapshot(String id, HttpServletResponse response) throws IOException {
        byte[] data = connections.snapshot(id).data();
        if (data.length > MAX_IMAGE_BYTES) {
            refuse(response, 502, TOO_LARGE);
            return;
        }
        Optional<ImageType> type = ImageType.of(data);
        if (type.isEmpty()) {
            refuse(response, 502, NOT_AN_IMAGE);
            return;
        }
        response.setContentType(type.get().mediaType());
        response.setContentLength(data.length);
        response.getOutputStream().write(data);
    }

    /** A failure as plain text: never a page the browser would run. */
    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.valueOf(message));
    }

    private void stream(String id, HttpServletResponse response) throws IOException {
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(2);
        Subscription subscription = connections.watchWebcam(id, new WebcamListener() {
            @Override
            public void onFrame(WebcamImage frame) {
                Item item = new Item(frame, null);
                while (!queue.offer(item)) {
                    queue.poll();
                }
            }

            @Override
            public void onEnd(StreamEnd end) {
                Item item = new Item(null, end);
                while (!queue.offer(item)) {
                    queue.poll();
                }
            }
        });
        try {
            // The response starts with the first good frame, so a camera that sends something else at once gets a 502.
            ServletOutputStream out = null;
            while (true) {
                Item item = queue.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null || item.end() != null) {
                    if (out == null) {
                        response.setContentType(MJPEG);
                    }
                    return;
                }
                byte[] data = item.frame().data();
                if (data.length > MAX_IMAGE_BYTES
                        || ImageType.of(data).filter(ImageType.JPEG::equals).isEmpty()) {
                    if (out == null) {
                        refuse(response, 502, data.length > MAX_IMAGE_BYTES ? TOO_LARGE : NOT_A_JPEG);
                    }
                    return;
                }
                if (out == null) {
                    response.setContentType(MJPEG);
                    out = response.getOutputStream();
                }
                out.write(("--" + BOUNDARY + "\r\nContent-Type: " + ImageType.JPEG.mediaType() + "\r\nContent-Length: "
                                + data.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.write(data);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException browserGone) {
            // The page was closed: its subscription ends below.
        } finally {
            subscription.close();
        }
    }
}
