package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.config.ConfigReader;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the module calls printers through OctoEverywhere's relay: timeouts, retries, the per-printer breaker, the
 * server-wide bound on calls in flight (MicroProfile Fault Tolerance's bulkhead on {@link RelayGate#inFlight} follows
 * {@link #MAX_CONCURRENT} through the module's {@code microprofile-config.properties}), which credentials to send, and
 * which relay URLs may be dialled at all.
 *
 * @param maxAttempts      attempts per read, the first included
 * @param maxRetryDuration no retry starts later than this after the first attempt
 * @param maxConcurrent    relayed calls in flight on this server, all printers together
 * @param breakerThreshold failed attempts in a row (printer unavailable) that open a printer's breaker
 * @param preferBearer     whether Bearer is sent when a connection has both Basic and Bearer credentials
 * @param urls             the relay hosts the module dials, and whether plain http is allowed
 */
public record RelaySettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryDuration,
        int maxConcurrent,
        int breakerThreshold,
        Duration breakerOpenDuration,
        boolean preferBearer,
        RelayUrlPolicy urls) {

    public static final String CONNECT_TIMEOUT = "appconnection.relay.connect-timeout";
    public static final String READ_TIMEOUT = "appconnection.relay.read-timeout";
    public static final String MAX_ATTEMPTS = "appconnection.relay.retry.max-attempts";
    public static final String INITIAL_BACKOFF = "appconnection.relay.retry.initial-backoff";
    public static final String MAX_BACKOFF = "appconnection.relay.retry.max-backoff";
    public static final String MAX_DURATION = "appconnection.relay.retry.max-duration";
    public static final String MAX_CONCURRENT = "appconnection.relay.max-concurrent";
    public static final String BREAKER_THRESHOLD = "appconnection.relay.breaker.failure-threshold";
    public static final String BREAKER_OPEN_DURATION = "appconnection.relay.breaker.open-duration";
    public static final String AUTH_PREFERENCE = "appconnection.relay.auth-preference";
    public static final String ALLOWED_HOSTS = "appconnection.relay.allowed-hosts";
    public static final String ALLOW_HTTP = "appconnection.relay.allow-http";

    public static final String DEFAULT_HOSTS = "*.octoeverywhere.com";

    public static RelaySettings read(ConfigReader in, ServiceSettings service) {
        Duration connectTimeout = in.duration(CONNECT_TIMEOUT, "PT5S");
        Duration readTimeout = in.duration(READ_TIMEOUT, "PT20S");
        int maxAttempts = in.integer(MAX_ATTEMPTS, 3, 1, 20);
        Duration initialBackoff = in.duration(INITIAL_BACKOFF, "PT0.2S");
        Duration maxBackoff = in.duration(MAX_BACKOFF, "PT2S");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            in.refuse(MAX_BACKOFF, "it must be at least " + INITIAL_BACKOFF + " (" + initialBackoff + ")");
            maxBackoff = initialBackoff;
        }
        Duration maxDuration = in.duration(MAX_DURATION, "PT10S");
        int maxConcurrent = in.integer(MAX_CONCURRENT, 200, 1, 100_000);
        int threshold = in.integer(BREAKER_THRESHOLD, 5, 1, 1_000);
        Duration openDuration = in.duration(BREAKER_OPEN_DURATION, "PT30S");
        Map<String, Boolean> auth = new LinkedHashMap<>();
        auth.put("bearer", true);
        auth.put("basic", false);
        boolean preferBearer = in.choice(AUTH_PREFERENCE, "bearer", auth);
        String hosts = in.read(
                ALLOWED_HOSTS,
                "host list",
                defaultHosts(service),
                text -> {
                    RelayUrlPolicy.of(text, false);
                    return text;
                },
                "host names, *.domain or IP literals in brackets, each optionally with :port, separated by commas (default "
                        + DEFAULT_HOSTS + ")");
        boolean allowHttp = in.bool(ALLOW_HTTP, service.demoMode());
        return new RelaySettings(
                connectTimeout,
                readTimeout,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxDuration,
                maxConcurrent,
                threshold,
                openDuration,
                preferBearer,
                RelayUrlPolicy.of(hosts, allowHttp));
    }

    /** OctoEverywhere's relays, and in demo mode also the sandbox's own host and port. */
    private static String defaultHosts(ServiceSettings service) {
        if (!service.demoMode()) {
            return DEFAULT_HOSTS;
        }
        URI sandbox = service.serviceUrl();
        return DEFAULT_HOSTS + "," + sandbox.getHost() + (sandbox.getPort() == -1 ? "" : ":" + sandbox.getPort());
    }
}
