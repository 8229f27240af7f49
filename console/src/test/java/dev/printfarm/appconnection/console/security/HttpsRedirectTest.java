package dev.printfarm.appconnection.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.console.testing.FakeRequest;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plain HTTP goes to the published HTTPS address: same path and query, always the configured host. */
class HttpsRedirectTest {

    private static Optional<String> target(String publicBaseUrl, FakeRequest request) {
        return new HttpsRedirect(Optional.ofNullable(publicBaseUrl)).target(request.proxy());
    }

    private static FakeRequest plain(String path, String query) {
        FakeRequest request = FakeRequest.of("GET", path);
        request.query = query;
        request.header("Host", "evil.example");
        return request;
    }

    @Test
    void plainHttpGoesToTheSamePathAndQueryOnThePublicHttpsAddress() {
        assertEquals(
                Optional.of("https://farm.example/console/api/printers?state=ONLINE&x=%20y"),
                target("https://farm.example/console", plain("/api/printers", "state=ONLINE&x=%20y")));
        assertEquals(
                Optional.of("https://farm.example:8443/console/login.html"),
                target(" HTTPS://farm.example:8443/console/ ", plain("/login.html", null)),
                "port kept, case ignored");
        assertEquals(
                Optional.of("https://[2001:db8::1]/console/"),
                target("https://[2001:db8::1]/console", plain("/", null)));
    }

    @Test
    void nothingMovesOverHttpsOrWhenTheConsoleIsPublishedOverHttp() {
        FakeRequest secure = plain("/api/printers", null);
        secure.secure = true;
        assertEquals(Optional.empty(), target("https://farm.example/console", secure));
        assertEquals(
                Optional.empty(), target("http://localhost:9080/console", plain("/api/printers", null)), "the demo");
        assertEquals(Optional.empty(), target(null, plain("/api/printers", null)));
        assertEquals(Optional.empty(), target("https:///no-host", plain("/api/printers", null)));
    }

    @Test
    void theTargetHostIsAlwaysTheConfiguredOne() {
        URI base = URI.create("https://farm.example/console");
        for (String path :
                new String[] {"//evil.example/x", "/\\evil.example", "/@evil.example", "/console/..//evil"}) {
            String location = HttpsRedirect.location(base, path, null);
            assertEquals(
                    "farm.example", URI.create(location.replace("\\", "%5C")).getHost(), path);
            assertEquals("https://farm.example" + path, location);
        }
        assertEquals(
                "https://farm.example/console",
                HttpsRedirect.location(base, "/x", "a=1\r\nSet-Cookie: s=1"),
                "a header break goes nowhere near the Location header");
        assertEquals("https://farm.example/console", HttpsRedirect.location(base, "/caf\u00e9", null));
        assertEquals("https://farm.example/console", HttpsRedirect.location(base, "*", null));
    }
}
