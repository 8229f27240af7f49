package dev.printfarm.appconnection.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpWebhookSenderTest {

    private final List<String> received = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheJsonToTheUrlWithItsQueryStringAndTellsTheStatus() throws Exception {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/octo?token=a%20b&x=1");

        int status = new HttpWebhookSender().post(url, "{\"EventType\":16}");

        assertEquals(202, status);
        assertEquals(
                List.of("POST /hooks/octo?token=a%20b&x=1 application/json; charset=utf-8 {\"EventType\":16}"),
                received);
    }

    @Test
    void aHostThatIsNotLoopbackIsNeverCalled() {
        assertThrows(IOException.class, () -> new HttpWebhookSender().post(URI.create("http://192.0.2.1/hooks"), "{}"));
    }
}
