package dev.printfarm.appconnection.sandbox.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the sandbox accepts as a webhook URL, and how it shows one. For safety it calls loopback hosts only
 * ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), checked when the URL is registered and again, after name
 * resolution, before every delivery.
 */
public final class WebhookUrls {

    public static final int MAX_LENGTH = 2048;
    static final String MASK = "***";

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\." + OCTET + "\\." + OCTET + "\\." + OCTET);

    private WebhookUrls() {}

    /** Why the sandbox refuses to register {@code url}; empty when it accepts it. */
    public static Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("WebhookUrl is required.");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("WebhookUrl is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("WebhookUrl is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            return Optional.of("WebhookUrl must be an absolute http:// or https:// URL.");
        }
        if (uri.getHost() == null) {
            return Optional.of("WebhookUrl has no host.");
        }
        if (!isLoopbackName(uri.getHost())) {
            return Optional.of("The sandbox only calls webhooks on this machine (localhost, 127.x.x.x or [::1]), not "
                    + uri.getHost() + ".");
        }
        try {
            HttpRequest.newBuilder(uri);
        } catch (IllegalArgumentException e) {
            return Optional.of("WebhookUrl cannot be called: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** {@code localhost}, an IPv4 address in 127.0.0.0/8 or the IPv6 loopback; no name resolution. */
    public static boolean isLoopbackName(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        return lower.equals("localhost")
                || IPV4_LOOPBACK.matcher(lower).matches()
                || lower.equals("::1")
                || lower.equals("0:0:0:0:0:0:0:1");
    }

    /** Resolves the host: true only when every address it stands for is a loopback address. */
    static boolean resolvesToLoopbackOnly(URI uri) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(uri.getHost());
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The URL as the control API shows it: user info and every query parameter's value replaced by {@code ***}
     * (a parameter without {@code =} as a whole), so a token carried in the URL does not leak into logs.
     */
    public static String masked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return MASK;
        }
        StringBuilder shown = new StringBuilder();
        shown.append(uri.getScheme()).append("://");
        if (uri.getRawUserInfo() != null) {
            shown.append(MASK).append('@');
        }
        shown.append(uri.getHost());
        if (uri.getPort() >= 0) {
            shown.append(':').append(uri.getPort());
        }
        shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            shown.append('?').append(maskedQuery(uri.getRawQuery()));
        }
        if (uri.getRawFragment() != null) {
            shown.append('#').append(uri.getRawFragment());
        }
        return shown.toString();
    }

    private static String maskedQuery(String query) {
        StringBuilder masked = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (masked.length() > 0) {
                masked.append('&');
            }
            int equals = pair.indexOf('=');
            if (equals >= 0) {
                masked.append(pair, 0, equals + 1).append(MASK);
            } else if (!pair.isEmpty()) {
                masked.append(MASK);
            }
        }
        return masked.toString();
    }
}
