package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.impl.internal.Secrets;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cookie that binds a portal flow to the browser that started it: one per flow (so parallel flows in one browser
 * each keep theirs), named after the flow's state, with an unguessable value of which the store keeps only the hash.
 * {@code SameSite=Lax}, since the portal comes back by a cross-site navigation that {@code Strict} would send without
 * it; {@code HttpOnly}; {@code Secure} on https; only sent to the callback; gone after the flow's time.
 */
public final class FlowCookies {

    private static final String PREFIX = "appconn_flow_";

    private FlowCookies() {}

    /** A new value for one flow's cookie: 32 random bytes, base64url. */
    public static String newValue() {
        return Secrets.randomToken(32);
    }

    /** What the store keeps of a cookie value. */
    public static String hash(String value) {
        return Secrets.fingerprint(value);
    }

    /** The cookie's name for the flow with this state (derived one-way, so the name tells nothing of the state). */
    public static String name(String state) {
        return PREFIX + Secrets.fingerprint("flow-cookie:" + state).substring(0, 24);
    }

    /** The {@code Set-Cookie} header value that gives the browser the flow's cookie. */
    public static String setCookie(String state, String value, Duration ttl, URI publicBaseUrl, String callbackPath) {
        return name(state) + "=" + value + attributes(publicBaseUrl, callbackPath, Math.max(1, ttl.toSeconds()));
    }

    /** The {@code Set-Cookie} header value that removes the flow's cookie once the flow is over. */
    public static String expire(String state, URI publicBaseUrl, String callbackPath) {
        return name(state) + "=" + attributes(publicBaseUrl, callbackPath, 0);
    }

    /** The flow's cookie values the browser sent (normally one), from its cookies by name. */
    public static List<String> presented(String state, Map<String, List<String>> cookies) {
        return cookies.getOrDefault(name(state), List.of());
    }

    /** Whether one of the presented values is the one whose hash the flow keeps. Takes the same time for any mismatch. */
    public static boolean sameBrowser(String storedHash, List<String> presented) {
        if (storedHash == null) {
            return false;
        }
        byte[] wanted = storedHash.getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String value : presented) {
            match |= MessageDigest.isEqual(wanted, hash(value).getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static String attributes(URI publicBaseUrl, String callbackPath, long maxAgeSeconds) {
        String basePath = Optional.ofNullable(publicBaseUrl.getRawPath()).orElse("");
        return "; Path=" + basePath + callbackPath + "; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + ("https".equalsIgnoreCase(publicBaseUrl.getScheme()) ? "; Secure" : "");
    }
}
