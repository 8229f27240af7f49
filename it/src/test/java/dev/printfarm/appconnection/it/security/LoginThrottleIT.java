package dev.printfarm.appconnection.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.it.Deployments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guessing the farm operator's password, over HTTP Basic and the login form: failures lock the user name (after 5)
 * and the client address (after 20), and a locked attempt gets 429 with {@code Retry-After} without its password being
 * looked at. The session a browser had before the login is not the one it has after. Before issue 19 nothing limited
 * guessing (every wrong password got 401 or the login page again) and the session kept its id across the login.
 * <p>
 * The locks are kept by the console application ({@code LoginThrottle} is application-scoped), so they end with this
 * class's deployment: the next IT class deploys the farm afresh and logs in as {@code operator} as usual. Within this
 * class the methods run in order; the last one locks out the whole client address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleIT {

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm();
    }

    private final URI server = URI.create("http://localhost:" + Deployments.httpPort() + "/");
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * A browser holds a session before it logs in (here: one the console made for the page's CSRF token). Logging in
     * through the form gives it another session id; the one known before names no session any more. Before issue 19
     * the session kept its id across the login.
     */
    @Test
    @Order(1)
    void theSessionGetsANewIdAtLogin() {
        CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> before = send(
                browser,
                HttpRequest.newBuilder(server.resolve("console/api/session"))
                        .header("Authorization", basic("operator", "operator"))
                        .GET());
        assertEquals(200, before.statusCode(), before.body());
        String planted = sessionId(jar).orElseThrow(() -> new AssertionError("no session before the login"));

        HttpResponse<String> login = send(browser, form("operator", "operator"));
        assertEquals(302, login.statusCode(), login.body());
        assertEquals(server + "console/", login.headers().firstValue("Location").orElseThrow());
        String after = sessionId(jar).orElseThrow();
        assertNotEquals(planted, after, "the session kept its id across the login");

        HttpResponse<String> mine = send(
                browser,
                HttpRequest.newBuilder(server.resolve("console/api/session")).GET());
        assertEquals(200, mine.statusCode(), "the browser is logged in after the form: " + mine.body());
        assertTrue(mine.body().contains("\"operator\""), mine.body());
        HttpResponse<String> old = send(HttpRequest.newBuilder(server.resolve("console/api/session"))
                .header("Authorization", basic("operator", "operator"))
                .header("Cookie", "JSESSIONID=" + planted)
                .GET());
        assertEquals(200, old.statusCode(), old.body());
        assertTrue(
                sessionCookie(old)
                        .filter(id -> !id.equals("JSESSIONID=" + planted))
                        .isPresent(),
                "the id known before the login still names a session: "
                        + old.headers().allValues("Set-Cookie"));
    }

    /** Before issue 19 all 20 wrong passwords were checked (401 or the login page again), and so was the right one. */
    @Test
    @Order(2)
    void wrongPasswordsLockTheUserNameEvenForTheRightPassword() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            boolean overBasic = i % 2 == 1;
            HttpResponse<String> answer =
                    overBasic ? basicLogin("operator", "guess-" + i) : send(form("operator", "guess-" + i));
            statuses.add(answer.statusCode());
            if (i > 5) {
                assertLocked(answer, (overBasic ? "HTTP Basic" : "the form") + " attempt " + i);
            }
        }
        assertEquals(List.of(401, 302, 401, 302, 401), statuses.subList(0, 5), "the first five were checked");

        assertLocked(basicLogin("operator", "operator"), "the right password over HTTP Basic");
        assertLocked(send(form("operator", "operator")), "the right password in the form");
    }

    /** Before issue 19 every name was checked: an address could try names and passwords without end. */
    @Test
    @Order(3)
    void manyUserNamesFromOneAddressAreThrottledToo() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int attempts = 0;
        HttpResponse<String> answer;
        do {
            attempts++;
            // Each name fails once: far from its own limit, so only the address can be locked.
            answer = basicLogin("guesser-" + run + "-" + attempts, "guess");
        } while (answer.statusCode() == 401 && attempts < 21);
        assertLocked(answer, "name " + attempts + " from one address");
        assertTrue(attempts <= 20, "an address is locked after at most 20 failures, took " + attempts);
        assertLocked(basicLogin("guesser-" + run + "-fresh", "guess"), "a name never tried before, from that address");
    }

    private void assertLocked(HttpResponse<String> answer, String what) {
        assertEquals(429, answer.statusCode(), what + ": " + answer.body());
        String retryAfter = answer.headers().firstValue("Retry-After").orElse("");
        assertTrue(retryAfter.matches("[1-9][0-9]*"), what + ": Retry-After " + retryAfter);
        ConsoleHeaders.assertOn(answer, what);
    }

    private HttpResponse<String> basicLogin(String user, String password) {
        return send(HttpRequest.newBuilder(server.resolve("console/api/printers"))
                .header("Authorization", basic(user, password))
                .GET());
    }

    private HttpRequest.Builder form(String user, String password) {
        return HttpRequest.newBuilder(server.resolve("console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
    }

    /** The session id the browser holds for the console. */
    private Optional<String> sessionId(CookieManager jar) {
        return jar.getCookieStore().get(server.resolve("console/")).stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The {@code JSESSIONID=...} pair this answer sets, if it sets one. */
    private static Optional<String> sessionCookie(HttpResponse<?> answer) {
        return answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0])
                .reduce((first, last) -> last);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
