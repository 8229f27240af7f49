package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static byte[] sent(HttpRequest.BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Void> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                out.writeBytes(bytes);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        done.get(5, TimeUnit.SECONDS);
        return out.toByteArray();
    }

    @Test
    void theFieldsThenTheFileWithTheLengthDeclaredUpFront() throws Exception {
        MultipartForm form = new MultipartForm().field("root", "gcodes").field("path", "farm/ü");
        byte[] content = "G28\nG1 X10\n".getBytes(StandardCharsets.US_ASCII);
        HttpRequest.BodyPublisher body =
                form.withFile("cube ü.gcode", new ByteArrayInputStream(content), content.length);
        byte[] bytes = sent(body);

        assertEquals(bytes.length, body.contentLength(), "the declared length is what is sent");
        String text = new String(bytes, StandardCharsets.UTF_8);
        String boundary = form.contentType().substring("multipart/form-data; boundary=".length());
        assertTrue(
                text.startsWith(
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"root\"\r\n\r\ngcodes\r\n"),
                text);
        assertTrue(text.contains("name=\"path\"\r\n\r\nfarm/ü\r\n"), text);
        assertTrue(
                text.contains("name=\"file\"; filename=\"cube ü.gcode\"\r\nContent-Type: application/octet-stream"
                        + "\r\n\r\nG28\nG1 X10\n\r\n--" + boundary + "--\r\n"),
                text);
    }

    @Test
    void aNameCannotEndItsPartEarly() throws Exception {
        MultipartForm form = new MultipartForm();
        byte[] bytes = sent(form.withFile("a\".gcode\r\nX-Evil: 1", new ByteArrayInputStream(new byte[1]), 1));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("filename=\"a%22.gcode%0D%0AX-Evil: 1\""), text);
        assertFalse(text.contains("\r\nX-Evil"), text);
    }

    @Test
    void everyFormHasItsOwnBoundary() {
        assertFalse(new MultipartForm().contentType().equals(new MultipartForm().contentType()));
    }
}
