package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowCookiesTest {

    private static final URI BASE = URI.create("https://farm.example/console");
    private static final String CALLBACK = "/appconnection/callback";
    private static final Duration TTL = Duration.ofMinutes(10);

    /** A browser's cookie jar: what the module's Set-Cookie headers left in it, sent back by name. */
    static final class Browser {
        final Map<String, List<String>> jar = new HashMap<>();

        void setCookie(String header) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            jar.put(pair.substring(0, eq), new ArrayList<>(List.of(pair.substring(eq + 1))));
        }
    }

    /** A flow as the store keeps it: its state and the hash of its cookie. */
    private record Flow(String state, String browserHash) {}

    private static Flow start(Browser browser, String state) {
        String value = FlowCookies.newValue();
        browser.setCookie(FlowCookies.setCookie(state, value, TTL, BASE, CALLBACK));
        return new Flow(state, FlowCookies.hash(value));
    }

    private static boolean callback(Browser browser, Flow flow) {
        return FlowCookies.sameBrowser(flow.browserHash(), FlowCookies.presented(flow.state(), browser.jar));
    }

    @Test
    void theBrowserThatStartedTheFlowCompletesIt() {
        Browser browser = new Browser();
        Flow flow = start(browser, "state-1");
        assertTrue(callback(browser, flow));
    }

    @Test
    void anotherBrowserWithoutTheCookieDoesNot() {
        Flow flow = start(new Browser(), "state-1");
        assertFalse(callback(new Browser(), flow));
    }

    @Test
    void aCookieWithAnotherValueDoesNot() {
        Browser attacker = new Browser();
        Flow flow = start(new Browser(), "state-1");
        attacker.jar.put(FlowCookies.name("state-1"), List.of(FlowCookies.newValue()));
        assertFalse(callback(attacker, flow));
        attacker.jar.put(FlowCookies.name("state-1"), List.of(flow.browserHash()));
        assertFalse(callback(attacker, flow), "the stored hash is no cookie value");
    }

    @Test
    void twoFlowsStartedInParallelInOneBrowserEachComplete() {
        Browser browser = new Browser();
        Flow first = start(browser, "state-1");
        Flow second = start(browser, "state-2");
        assertNotEquals(FlowCookies.name("state-1"), FlowCookies.name("state-2"));
        assertTrue(callback(browser, second));
        assertTrue(callback(browser, first));
        assertFalse(FlowCookies.sameBrowser(first.browserHash(), FlowCookies.presented("state-2", browser.jar)));
    }

    @Test
    void aFlowStoredWithoutBrowserBindsToNoBrowser() {
        assertFalse(FlowCookies.sameBrowser(null, List.of(FlowCookies.newValue())));
    }

    @Test
    void theCookieIsHttpOnlyLaxSecureOnHttpsAndOnlyForTheCallbackWhileTheFlowLives() {
        String value = FlowCookies.newValue();
        assertEquals(43, value.length(), "32 random bytes, base64url");
        assertTrue(value.matches("[A-Za-z0-9_-]+"));
        String header = FlowCookies.setCookie("s", value, TTL, BASE, CALLBACK);
        assertEquals(
                FlowCookies.name("s") + "=" + value + "; Path=/console/appconnection/callback; Max-Age=600;"
                        + " HttpOnly; SameSite=Lax; Secure",
                header);
        assertFalse(FlowCookies.setCookie("s", value, TTL, URI.create("http://localhost:9080/console"), CALLBACK)
                .contains("Secure"));
        assertTrue(FlowCookies.expire("s", BASE, CALLBACK).contains("Max-Age=0"));
        assertFalse(FlowCookies.name("a-state").contains("a-state"), "the name does not carry the state");
    }
}
