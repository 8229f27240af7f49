package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.printfarm.appconnection.it.DemoServer;
import dev.printfarm.appconnection.it.FarmConsole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Quick start's demo keeps the sandbox on another site than the console: the sandbox can script any answer and
 * lists issued secrets, so nothing it serves may run on the console's origin, and the console's cookies must never
 * reach it. Before, the EAR deployed {@code /sandbox} next to {@code /console} on the same host and port.
 */
@ExtendWith(DemoServer.Use.class)
class SandboxSiteIT {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private int status(URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theConsoleSendsTheBrowserToASandboxOnAnotherHostName(DemoServer demo) {
        URI portal = demo.console().portal();
        assertNotEquals(
                demo.server.getHost(),
                portal.getHost(),
                "the portal (the sandbox) is on the console's host name: " + portal);
    }

    @Test
    void neitherSiteServesTheOther(DemoServer demo) {
        FarmConsole console = demo.console();
        URI sandbox = console.sandbox.base();
        for (String path :
                List.of("sandbox/control/connections", "sandbox/control/printers", "sandbox/appportal/v1/")) {
            assertEquals(404, status(demo.server.resolve(path)), "the console's origin serves " + path);
        }
        URI sandboxSite = URI.create(sandbox.getScheme() + "://" + sandbox.getRawAuthority() + "/");
        assertEquals(200, status(sandbox.resolve("control/printers")), "the sandbox answers on its own site");
        for (String path : List.of("console/login.html", "console/api/printers", "metrics", "health")) {
            assertEquals(404, status(sandboxSite.resolve(path)), "the sandbox's site serves " + path);
        }
        URI byConsoleName =
                URI.create("http://" + demo.server.getHost() + ":" + sandbox.getPort() + "/sandbox/control/printers");
        assertEquals(
                404,
                status(byConsoleName),
                "the sandbox answers under the console's host name, so the console's"
                        + " cookies (cookies ignore ports) would reach it: " + byConsoleName);
    }

    @Test
    void theConsolesSessionCookieIsForItsOwnHostOnly(DemoServer demo) {
        HttpResponse<String> login;
        try {
            login = http.send(
                    HttpRequest.newBuilder(demo.server.resolve("console/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", "http://" + demo.server.getRawAuthority())
                            .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=operator"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(302, login.statusCode(), login.body());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty(), "the login set no cookie");
        for (String cookie : cookies) {
            assertFalse(
                    cookie.toLowerCase(java.util.Locale.ROOT).contains("domain="),
                    "a cookie with a Domain attribute could reach other host names: " + cookie);
        }
    }
}
