package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Whether and how calls go straight to a printer's LAN address instead of the relay: which addresses may be dialled,
 * how an address becomes a base URL, and how the LAN is probed before calls move there.
 *
 * @param urlTemplate      how a LAN address becomes a base URL: {@code {ip}} is replaced by the address (IPv6 in
 *                         brackets); without a trailing slash
 * @param allowed          the ranges a printer's LAN address must be in to be dialled
 * @param probeInterval    how often a connection on the relay probes its LAN address; zero probes on every call
 * @param probeMaxInterval the longest wait between probes after failed ones in a row (each doubles it)
 * @param goodProbes       good probes in a row before calls move to the LAN
 * @param timeout          bounds a probe, and the connect phase of a call on the LAN
 */
public record LanSettings(
        boolean enabled,
        String urlTemplate,
        LanPolicy allowed,
        Duration probeInterval,
        Duration probeMaxInterval,
        int goodProbes,
        Duration timeout) {

    public static final String ENABLED = "appconnection.lan.enabled";
    public static final String URL_TEMPLATE = "appconnection.lan.url-template";
    public static final String ALLOWED_RANGES = "appconnection.lan.allowed-ranges";
    public static final String PROBE_INTERVAL = "appconnection.lan.probe-interval";
    public static final String PROBE_MAX_INTERVAL = "appconnection.lan.probe-max-interval";
    public static final String GOOD_PROBES = "appconnection.lan.good-probes";
    public static final String TIMEOUT = "appconnection.lan.timeout";

    /** RFC 1918 and IPv6 unique-local addresses. */
    public static final String DEFAULT_RANGES = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";
    /** Added in demo mode: the sandbox's printers report loopback addresses (127.0.1.N). */
    public static final String DEMO_RANGES = "127.0.0.0/8,::1/128";

    public static LanSettings read(ConfigReader in, ServiceSettings service) {
        boolean enabled = in.bool(ENABLED, true);
        String template = in.read(
                URL_TEMPLATE,
                "URL template",
                "http://{ip}",
                LanSettings::template,
                "an absolute http(s) URL containing {ip}, e.g. http://{ip}:5000");
        LanPolicy allowed = in.read(
                ALLOWED_RANGES,
                "CIDR list",
                service.demoMode() ? DEFAULT_RANGES + "," + DEMO_RANGES : DEFAULT_RANGES,
                LanPolicy::of,
                "CIDR ranges separated by commas (default " + DEFAULT_RANGES + ")");
        Duration probeInterval = in.durationOrZero(PROBE_INTERVAL, "PT30S", "probe on every call");
        Duration probeMaxInterval = in.duration(PROBE_MAX_INTERVAL, "PT15M");
        int goodProbes = in.integer(GOOD_PROBES, 3, 1, 100);
        Duration timeout = in.duration(TIMEOUT, "PT2S");
        return new LanSettings(enabled, template, allowed, probeInterval, probeMaxInterval, goodProbes, timeout);
    }

    private static String template(String text) {
        if (!text.contains("{ip}")) {
            throw new IllegalArgumentException("{ip} is missing");
        }
        URI example;
        try {
            example = new URI(text.replace("{ip}", "192.0.2.1"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        if (!example.isAbsolute()
                || example.getHost() == null
                || !("http".equalsIgnoreCase(example.getScheme()) || "https".equalsIgnoreCase(example.getScheme()))
                || example.getRawQuery() != null
                || example.getRawFragment() != null) {
            throw new IllegalArgumentException("not an absolute http(s) URL without query or fragment");
        }
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
