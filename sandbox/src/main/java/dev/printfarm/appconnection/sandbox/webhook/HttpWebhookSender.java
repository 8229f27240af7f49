package dev.printfarm.appconnection.sandbox.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The real thing: HTTP/1.1, short timeouts, no redirects (a redirect could lead off this machine), and a refusal for
 * any host that does not resolve to loopback addresses only.
 */
final class HttpWebhookSender implements WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    @Override
    public int post(URI url, String json) throws IOException, InterruptedException {
        if (!WebhookUrls.isLoopbackName(url.getHost()) || !WebhookUrls.resolvesToLoopbackOnly(url)) {
            throw new ConnectException("not sent: " + url.getHost() + " is not a loopback address");
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "OctoEverywhere-Sandbox-Webhooks")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
