package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Plays the user's browser in the sandbox portal: opens the portal page, presses "Authorize" for a
 * printer, and follows the redirects one at a time so each step can be checked.
 */
public final class PortalDriver {

    /** Keeps cookies as a browser does: the module binds a portal flow to the browser that started it. */
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    /** HTTP/1.1: Liberty 26.0.0.5 left an h2c upgrade of an authenticated welcome-file forward hanging. */
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(cookies)
            .build();

    private final String authorization;

    public PortalDriver() {
        this(null);
    }

    /** A browser that sends {@code authorization} (e.g. HTTP Basic for the farm console) with every request. */
    public PortalDriver(String authorization) {
        this.authorization = authorization;
    }

    /** HTTP Basic for the console's demo operator. */
    public static String operator() {
        return "Basic "
                + java.util.Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the portal and authorizes {@code printerId}; returns the callback URL the portal redirects to. */
    public URI authorize(URI portalUrl, String printerId) {
        return submit(portalUrl, Map.of("printerId", printerId));
    }

    /**
     * Connects a sandbox printer through the whole flow: portal URL from the module, the sandbox portal, the module's
     * callback (which must answer 303). Returns the new connection's id.
     */
    public static String connect(
            dev.printfarm.appconnection.api.AppConnectionService service,
            dev.printfarm.appconnection.api.PortalRequest request,
            String printerId) {
        PortalDriver browser = new PortalDriver();
        URI callback = browser.authorize(browser.start(service, request), printerId);
        int status = browser.get(callback).statusCode();
        if (status != 303) {
            throw new AssertionError("the callback answered " + status + ", not 303");
        }
        return query(callback).get("id");
    }

    /**
     * Starts a portal flow as an application does for this browser: the portal URL, with the cookie that binds the flow
     * to this browser kept for the module's callback (the flow's {@code returnUrl}).
     */
    public URI start(
            dev.printfarm.appconnection.api.AppConnectionService service,
            dev.printfarm.appconnection.api.PortalRequest request) {
        List<String> setCookies = new ArrayList<>();
        URI portal = service.portalUrl(request, (name, value) -> {
            if (name.equalsIgnoreCase("Set-Cookie")) {
                setCookies.add(value);
            }
        });
        try {
            cookies.put(URI.create(query(portal).get("returnUrl")), Map.of("Set-Cookie", setCookies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return portal;
    }

    /**
     * Starts a portal flow through a page of the application that answers with the portal URL as its body (and sets
     * the flow's cookie on this browser, as an application's redirect would).
     */
    public URI startAt(URI starter) {
        HttpResponse<String> answer = get(starter);
        if (answer.statusCode() != 200) {
            throw new AssertionError(starter + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.body().strip());
    }

    /** The {@code Cookie} header this browser would send to {@code url}; empty when it has none for it. */
    public String cookieHeader(URI url) {
        try {
            return String.join("; ", cookies.get(url, Map.of()).getOrDefault("Cookie", List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the portal and presses Cancel; returns the callback URL. */
    public URI cancel(URI portalUrl) {
        return submit(portalUrl, Map.of("cancel", "true"));
    }

    public HttpResponse<String> get(URI url) {
        return send(HttpRequest.newBuilder(url).GET().build());
    }

    private URI submit(URI portalUrl, Map<String, String> extra) {
        HttpResponse<String> page = get(portalUrl);
        if (page.statusCode() != 200) {
            throw new AssertionError("portal page answered " + page.statusCode() + ": " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>(query(portalUrl));
        form.putAll(extra);
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(portalUrl.resolve("authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
        if (answer.statusCode() != 302) {
            throw new AssertionError("authorize answered " + answer.statusCode() + ": " + answer.body());
        }
        return URI.create(answer.headers().firstValue("Location").orElseThrow());
    }

    /** The decoded query parameters of a URL. */
    public static Map<String, String> query(URI url) {
        Map<String, String> map = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            map.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return map;
    }

    /** Sends a request of the caller's making (with this browser's authorization, if any). */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (authorization != null
                && request.headers().firstValue("Authorization").isEmpty()) {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
            request = copy.header("Authorization", authorization).build();
        }
        try {
            if (request.timeout().isEmpty()) {
                request = HttpRequest.newBuilder(request, (name, value) -> true)
                        .timeout(Duration.ofSeconds(60))
                        .build();
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
