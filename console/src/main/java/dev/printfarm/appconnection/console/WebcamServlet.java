package dev.printfarm.appconnection.console;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.StreamEnd;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.UnknownConnectionException;
import dev.printfarm.appconnection.api.WebcamImage;
import dev.printfarm.appconnection.api.WebcamLimitException;
import dev.printfarm.appconnection.api.WebcamListener;
import jakarta.inject.Inject;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A printer's camera for the browser: {@code /webcam/{connectionId}/snapshot} (a JPEG) and
 * {@code /webcam/{connectionId}/stream} (MJPEG, for an {@code <img>}). Every open page shares the module's one stream
 * from the printer; each page gets the frames as they come, and a page that reads slowly skips frames rather than
 * making the server hold them.
 */
@WebServlet("/webcam/*")
public class WebcamServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String BOUNDARY = "consoleframe";
    /** A browser that takes no frame for this long is dropped. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    @Inject
    transient AppConnectionService connections;

    /** What the viewer's queue carries: a frame, or the end. */
    private record Item(WebcamImage frame, StreamEnd end) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null ? new String[0] : request.getPathInfo().split("/");
        if (parts.length != 3 || parts[1].isBlank()) {
            response.sendError(404);
            return;
        }
        String id = parts[1];
        response.setHeader("Cache-Control", "no-store");
        try {
            switch (parts[2]) {
                case "snapshot" -> snapshot(id, response);
                case "stream" -> stream(id, response);
                default -> response.sendError(404);
            }
        } catch (UnknownConnectionException e) {
            response.sendError(404);
        } catch (WebcamLimitException e) {
            e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds()))));
            response.sendError(503, e.getMessage());
        } catch (AppConnectionException e) {
            response.sendError(502, e.getMessage());
        }
    }

    private void snapshot(String id, HttpServletResponse response) throws IOException {
        WebcamImage image = connections.snapshot(id);
        response.setContentType(image.contentType());
        response.setContentLength(image.size());
        response.getOutputStream().write(image.data());
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
            response.setContentType("multipart/x-mixed-replace;boundary=" + BOUNDARY);
            ServletOutputStream out = response.getOutputStream();
            while (true) {
                Item item = queue.poll(IDLE.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null || item.end() != null) {
                    return;
                }
                WebcamImage frame = item.frame();
                out.write(("--" + BOUNDARY + "\r\nContent-Type: " + frame.contentType() + "\r\nContent-Length: "
                        + frame.size() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(frame.data());
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
