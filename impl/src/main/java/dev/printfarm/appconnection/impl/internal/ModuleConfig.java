package dev.printfarm.appconnection.impl.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every configuration key of the module, read through MicroProfile Config. Keys are listed, with their
 * defaults, in the README's configuration table.
 */
@ApplicationScoped
public class ModuleConfig {

    public static final String APP_ID = "appconnection.app-id";
    public static final String SERVICE_URL = "appconnection.octoeverywhere.url";
    public static final String PUBLIC_BASE_URL = "appconnection.public-base-url";
    public static final String CALLBACK_PATH = "appconnection.portal.callback-path";
    public static final String LANDING_PATH = "appconnection.portal.landing-path";
    public static final String FLOW_TTL = "appconnection.portal.state-ttl";
    public static final String FLOW_PURGE_INTERVAL = "appconnection.portal.purge-interval";
    public static final String STORE_KEYS = "appconnection.store.keys";
    public static final String STORE_ACTIVE_KEY = "appconnection.store.active-key";
    /** Gone: demo mode follows {@link #SERVICE_URL}. A value still set for it fails the start. */
    public static final String REMOVED_DEMO = "appconnection.demo";
    public static final String CONNECT_TIMEOUT = "appconnection.relay.connect-timeout";
    public static final String RETRY_MAX_ATTEMPTS = "appconnection.relay.retry.max-attempts";
    public static final String RETRY_INITIAL_BACKOFF = "appconnection.relay.retry.initial-backoff";
    public static final String RETRY_MAX_BACKOFF = "appconnection.relay.retry.max-backoff";
    public static final String RETRY_MAX_DURATION = "appconnection.relay.retry.max-duration";
    public static final String MAX_CONCURRENT = "appconnection.relay.max-concurrent";
    public static final String BREAKER_THRESHOLD = "appconnection.relay.breaker.failure-threshold";
    public static final String BREAKER_OPEN_DURATION = "appconnection.relay.breaker.open-duration";
    public static final String READ_TIMEOUT = "appconnection.relay.read-timeout";
    public static final String AUTH_PREFERENCE = "appconnection.relay.auth-preference";
    public static final String RELAY_ALLOWED_HOSTS = "appconnection.relay.allowed-hosts";
    public static final String RELAY_ALLOW_HTTP = "appconnection.relay.allow-http";
    public static final String LAN_ENABLED = "appconnection.lan.enabled";
    public static final String LAN_URL_TEMPLATE = "appconnection.lan.url-template";
    public static final String LAN_ALLOWED_RANGES = "appconnection.lan.allowed-ranges";
    public static final String LAN_PROBE_INTERVAL = "appconnection.lan.probe-interval";
    public static final String LAN_PROBE_MAX_INTERVAL = "appconnection.lan.probe-max-interval";
    public static final String LAN_GOOD_PROBES = "appconnection.lan.good-probes";
    public static final String LAN_TIMEOUT = "appconnection.lan.timeout";
    public static final String INFO_CACHE_TTL = "appconnection.info.cache-ttl";
    public static final String INFO_REFRESH_INTERVAL = "appconnection.info.refresh-interval";
    public static final String CLUSTER_LEASE_TTL = "appconnection.cluster.lease-ttl";
    public static final String CLUSTER_SHARE_STATE = "appconnection.cluster.share-state";
    public static final String INFO_REFRESH_CONCURRENCY = "appconnection.info.refresh-concurrency";
    public static final String GADGET_POLL_INTERVAL = "appconnection.gadget.poll-interval";
    public static final String GADGET_DISABLED_POLL_INTERVAL = "appconnection.gadget.disabled-poll-interval";
    public static final String GADGET_PRINT_CHECK_INTERVAL = "appconnection.gadget.print-check-interval";
    public static final String WEBCAM_LIMIT_MARGIN = "appconnection.webcam.limit-margin";
    public static final String WEBCAM_BACKOFF_INITIAL = "appconnection.webcam.backoff-initial";
    public static final String WEBCAM_BACKOFF_MAX = "appconnection.webcam.backoff-max";
    public static final String PUSH_RECONNECT_INITIAL = "appconnection.push.reconnect-initial";
    public static final String PUSH_RECONNECT_MAX = "appconnection.push.reconnect-max";
    public static final String PUSH_KEEPALIVE = "appconnection.push.keepalive";
    public static final String PUSH_THROTTLE = "appconnection.push.throttle";
    public static final String FLEET_CYCLE = "appconnection.fleet.cycle";
    public static final String FLEET_CONCURRENCY = "appconnection.fleet.concurrency";
    public static final String FLEET_OFFLINE_BACKOFF_MAX = "appconnection.fleet.offline-backoff-max";
    public static final String LIMIT_JSON_BYTES = "appconnection.limits.json-bytes";
    public static final String LIMIT_ERROR_BYTES = "appconnection.limits.error-bytes";
    public static final String LIMIT_SNAPSHOT_BYTES = "appconnection.limits.snapshot-bytes";
    public static final String WEBHOOK_PATH = "appconnection.webhooks.path";
    public static final String WEBHOOK_RENEW_AFTER = "appconnection.webhooks.renew-after";
    public static final String WEBHOOK_RENEWAL_CHECK = "appconnection.webhooks.renewal-check-interval";
    /** Gone: a delivery is remembered as long as the token that delivered it is accepted. */
    public static final String REMOVED_WEBHOOK_DEDUPE_WINDOW = "appconnection.webhooks.dedupe-window";
    public static final String WEBHOOK_TOKEN_GRACE = "appconnection.webhooks.previous-token-grace";

    /** OctoEverywhere's own floor between two Gadget polls of one connection. */
    public static final Duration GADGET_MIN_POLL_INTERVAL = Duration.ofSeconds(10);
    /** How long OctoEverywhere keeps a webhook registration. */
    public static final Duration WEBHOOK_LIFETIME = Duration.ofDays(180);

    public static final String DEFAULT_SERVICE_URL = "https://octoeverywhere.com";
    public static final String DEFAULT_RELAY_HOSTS = "*.octoeverywhere.com";
    /** RFC 1918 and IPv6 unique-local addresses. */
    public static final String DEFAULT_LAN_RANGES = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7";
    /** Added in demo mode: the sandbox's printers report loopback addresses (127.0.1.N). */
    public static final String DEMO_LAN_RANGES = "127.0.0.0/8,::1/128";
    public static final String DEFAULT_CALLBACK_PATH = "/appconnection/callback";
    public static final String DEFAULT_WEBHOOK_PATH = "/appconnection/webhook";

    private Config config() {
        return ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader());
    }

    public String appId() {
        return required(APP_ID, "the app id OctoEverywhere assigned to you (devtest for the public demo)");
    }

    /** OctoEverywhere's base URL (portal and App APIs), without a trailing slash. */
    public URI serviceUrl() {
        return absoluteUrl(SERVICE_URL, optional(SERVICE_URL).orElse(DEFAULT_SERVICE_URL));
    }

    /** The application's public base URL (scheme, host, port and context root), without a trailing slash. */
    public URI publicBaseUrl() {
        return absoluteUrl(PUBLIC_BASE_URL, required(PUBLIC_BASE_URL,
                "the public URL of the application that hosts the module, e.g. https://farm.example/console"));
    }

    public String callbackPath() {
        return path(CALLBACK_PATH, optional(CALLBACK_PATH).orElse(DEFAULT_CALLBACK_PATH));
    }

    public String landingPath() {
        return path(LANDING_PATH, optional(LANDING_PATH).orElse("/"));
    }

    public Duration flowTtl() {
        return duration(FLOW_TTL, Duration.ofMinutes(10));
    }

    /** How often this server deletes portal flows that expired more than a flow lifetime ago. */
    public Duration flowPurgeInterval() {
        return duration(FLOW_PURGE_INTERVAL, Duration.ofMinutes(5));
    }

    public Duration connectTimeout() {
        return duration(CONNECT_TIMEOUT, Duration.ofSeconds(5));
    }

    public Duration readTimeout() {
        return duration(READ_TIMEOUT, Duration.ofSeconds(20));
    }

    /** Attempts per read, the first included (commands: see the retry rules). */
    public int retryMaxAttempts() {
        return positiveInt(RETRY_MAX_ATTEMPTS, 3);
    }

    public Duration retryInitialBackoff() {
        return duration(RETRY_INITIAL_BACKOFF, Duration.ofMillis(200));
    }

    public Duration retryMaxBackoff() {
        return duration(RETRY_MAX_BACKOFF, Duration.ofSeconds(2));
    }

    /** No retry starts later than this after the first attempt. */
    public Duration retryMaxDuration() {
        return duration(RETRY_MAX_DURATION, Duration.ofSeconds(10));
    }

    /** Relayed calls in flight on this server, all printers together; more are refused at once. */
    public int relayMaxConcurrent() {
        return positiveInt(MAX_CONCURRENT, 200);
    }

    /** Failed attempts in a row (printer unavailable) that open a printer's circuit breaker. */
    public int breakerFailureThreshold() {
        return positiveInt(BREAKER_THRESHOLD, 5);
    }

    public Duration breakerOpenDuration() {
        return duration(BREAKER_OPEN_DURATION, Duration.ofSeconds(30));
    }

    /** Which relay credentials to send when a connection has both Basic and Bearer: {@code bearer} or {@code basic}. */
    public boolean preferBearer() {
        return optional(AUTH_PREFERENCE).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "bearer" -> true;
            case "basic" -> false;
            default -> throw new IllegalStateException("Configuration " + AUTH_PREFERENCE
                    + " must be bearer or basic, was " + v);
        }).orElse(true);
    }

    /**
     * The relay hosts the module dials, comma-separated ({@code host}, {@code *.domain}, optionally {@code :port}). By
     * default OctoEverywhere's relays, and in demo mode also the sandbox's own host and port.
     */
    public String relayAllowedHosts() {
        return optional(RELAY_ALLOWED_HOSTS).orElseGet(() -> {
            URI service = serviceUrl();
            return demoMode() ? DEFAULT_RELAY_HOSTS + "," + service.getHost()
                    + (service.getPort() == -1 ? "" : ":" + service.getPort()) : DEFAULT_RELAY_HOSTS;
        });
    }

    /** Whether relay URLs may be plain http: by default only in demo mode (a sandbox on this machine). */
    public boolean relayAllowHttp() {
        return bool(RELAY_ALLOW_HTTP, demoMode());
    }

    /** Whether calls may go straight to a printer's LAN address. */
    public boolean lanEnabled() {
        return bool(LAN_ENABLED, true);
    }

    /**
     * The CIDR ranges a printer's LAN address must be in to be dialled, comma-separated; by default private (RFC 1918)
     * and unique-local IPv6 addresses, and in demo mode loopback too.
     */
    public String lanAllowedRanges() {
        return optional(LAN_ALLOWED_RANGES).orElseGet(() -> demoMode() ? DEFAULT_LAN_RANGES + "," + DEMO_LAN_RANGES
                : DEFAULT_LAN_RANGES);
    }

    /** How a LAN address becomes a base URL: {@code {ip}} is replaced by the address (IPv6 in brackets). */
    public String lanUrlTemplate() {
        String template = optional(LAN_URL_TEMPLATE).orElse("http://{ip}");
        if (!template.contains("{ip}")) {
            throw new IllegalStateException("Configuration " + LAN_URL_TEMPLATE + " must contain {ip}, was " + template);
        }
        absoluteUrl(LAN_URL_TEMPLATE, template.replace("{ip}", "192.0.2.1"));
        return template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    /** How often a connection on the relay probes its LAN address; zero probes on every call. */
    public Duration lanProbeInterval() {
        return durationOrZero(LAN_PROBE_INTERVAL, Duration.ofSeconds(30));
    }

    /** The longest wait between probes after failed ones in a row (each doubles it). */
    public Duration lanProbeMaxInterval() {
        return duration(LAN_PROBE_MAX_INTERVAL, Duration.ofMinutes(15));
    }

    /** Good probes in a row before calls move to the LAN. */
    public int lanGoodProbes() {
        return positiveInt(LAN_GOOD_PROBES, 3);
    }

    /** Bounds a LAN probe, and the connect phase of a call on the LAN. */
    public Duration lanTimeout() {
        return duration(LAN_TIMEOUT, Duration.ofSeconds(2));
    }

    /** How long an Info API answer's limits are trusted before an upload or download asks again. */
    public Duration infoCacheTtl() {
        return duration(INFO_CACHE_TTL, Duration.ofMinutes(10));
    }

    /** How long a server's hold on once-per-cluster work lasts unless renewed: the bound on a take-over. */
    public Duration clusterLeaseTtl() {
        return duration(CLUSTER_LEASE_TTL, Duration.ofSeconds(15));
    }

    /**
     * Whether the fleet refresh and Gadget polling run on one server for the cluster and share what they learn through
     * the store: {@code true}, {@code false}, or empty for "auto" (on unless the store is an embedded Derby database,
     * which no second server can open).
     */
    public Optional<Boolean> clusterShareState() {
        Optional<String> value = optional(CLUSTER_SHARE_STATE).map(String::strip);
        if (value.isEmpty() || value.get().equalsIgnoreCase("auto")) {
            return Optional.empty();
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(value.get()));
        }
        throw new IllegalStateException(CLUSTER_SHARE_STATE + " must be auto, true or false, got \"" + value.get() + "\"");
    }

    /** How often each connection's Info is refreshed in the background; zero turns the refresh off. */
    public Duration infoRefreshInterval() {
        return durationOrZero(INFO_REFRESH_INTERVAL, Duration.ofMinutes(15));
    }

    /** Info refresh calls in flight on this server at most. */
    public int infoRefreshConcurrency() {
        return positiveInt(INFO_REFRESH_CONCURRENCY, 4);
    }

    /** Between two Gadget polls of a watched, printing connection; never under 10 s. */
    public Duration gadgetPollInterval() {
        return atLeast(GADGET_POLL_INTERVAL, duration(GADGET_POLL_INTERVAL, GADGET_MIN_POLL_INTERVAL),
                GADGET_MIN_POLL_INTERVAL);
    }

    /** Between two Gadget polls while Gadget reports itself disabled. */
    public Duration gadgetDisabledPollInterval() {
        return atLeast(GADGET_DISABLED_POLL_INTERVAL, duration(GADGET_DISABLED_POLL_INTERVAL, Duration.ofMinutes(10)),
                GADGET_MIN_POLL_INTERVAL);
    }

    /** How often a watched connection's job is checked (a relayed read) to learn whether a print runs. */
    public Duration gadgetPrintCheckInterval() {
        return duration(GADGET_PRINT_CHECK_INTERVAL, Duration.ofSeconds(10));
    }

    /** A webcam stream is ended this long before the account's stream-length limit would cut it. */
    public Duration webcamLimitMargin() {
        return duration(WEBCAM_LIMIT_MARGIN, Duration.ofSeconds(2));
    }

    /** How long webcam requests are held back after a first 609; doubled for each further one in a row. */
    public Duration webcamBackoffInitial() {
        return duration(WEBCAM_BACKOFF_INITIAL, Duration.ofSeconds(10));
    }

    public Duration webcamBackoffMax() {
        return duration(WEBCAM_BACKOFF_MAX, Duration.ofMinutes(5));
    }

    /** The first reconnect of a dropped push socket waits a random time up to this; the ceiling doubles. */
    public Duration pushReconnectInitial() {
        return duration(PUSH_RECONNECT_INITIAL, Duration.ofMillis(500));
    }

    public Duration pushReconnectMax() {
        return duration(PUSH_RECONNECT_MAX, Duration.ofSeconds(30));
    }

    /**
     * How often an open printer socket (OctoPrint's push, Moonraker's) is pinged; one that sends nothing at all, not
     * even a pong, for two and a half times this is given up and reconnected.
     */
    public Duration pushKeepAlive() {
        return duration(PUSH_KEEPALIVE, Duration.ofSeconds(30));
    }

    /** OctoPrint's push throttle factor: 1 sends {@code current} every 500 ms, 2 every second, ... */
    public int pushThrottle() {
        return positiveInt(PUSH_THROTTLE, 1);
    }

    /** How often the fleet monitor refreshes every connection; zero (the default) turns it off. */
    public Duration fleetCycle() {
        return durationOrZero(FLEET_CYCLE, Duration.ZERO);
    }

    /** Fleet refresh requests in flight on this server at most. */
    public int fleetConcurrency() {
        return positiveInt(FLEET_CONCURRENCY, 100);
    }

    /** The longest a printer that does not answer is left alone by the fleet refresh (each miss doubles the wait). */
    public Duration fleetOfflineBackoffMax() {
        return duration(FLEET_OFFLINE_BACKOFF_MAX, Duration.ofMinutes(5));
    }

    /**
     * The caps on bodies the module reads whole: JSON answers (4 MiB), error bodies (64 KiB) and webcam snapshots
     * (8 MiB). Over a cap a call fails; downloads and streams the caller reads have none.
     */
    public BodyLimits bodyLimits() {
        long json = positiveLong(LIMIT_JSON_BYTES, 4L * 1024 * 1024, Long.MAX_VALUE);
        long error = positiveLong(LIMIT_ERROR_BYTES, 64L * 1024, Long.MAX_VALUE);
        long snapshot = positiveLong(LIMIT_SNAPSHOT_BYTES, 8L * 1024 * 1024, Integer.MAX_VALUE - 8);
        return new BodyLimits(json, error, snapshot);
    }

    /** After how long a webhook registration is renewed; under OctoEverywhere's 180 days. */
    public Duration webhookRenewAfter() {
        Duration value = duration(WEBHOOK_RENEW_AFTER, Duration.ofDays(150));
        if (value.compareTo(WEBHOOK_LIFETIME.minusDays(1)) > 0) {
            throw new IllegalStateException("Configuration " + WEBHOOK_RENEW_AFTER
                    + " must leave at least a day before OctoEverywhere's 180-day expiry, was " + value);
        }
        return value;
    }

    /** How often this server looks for webhook registrations due for renewal. */
    public Duration webhookRenewalCheckInterval() {
        return duration(WEBHOOK_RENEWAL_CHECK, Duration.ofHours(1));
    }

    /** The value still configured for the removed {@link #REMOVED_WEBHOOK_DEDUPE_WINDOW}, if any. */
    public Optional<String> removedDedupeWindowSetting() {
        return config().getOptionalValue(REMOVED_WEBHOOK_DEDUPE_WINDOW, String.class);
    }

    /** How long the token of the previous registration is still accepted after a renewal. */
    public Duration webhookPreviousTokenGrace() {
        return duration(WEBHOOK_TOKEN_GRACE, Duration.ofHours(1));
    }

    /** Read before CDI is up (servlet registration), hence static. */
    public static String webhookPath(ClassLoader loader) {
        String value = ConfigProvider.getConfig(loader).getOptionalValue(WEBHOOK_PATH, String.class)
                .orElse(DEFAULT_WEBHOOK_PATH);
        return path(WEBHOOK_PATH, value);
    }

    public String webhookPath() {
        return path(WEBHOOK_PATH, optional(WEBHOOK_PATH).orElse(DEFAULT_WEBHOOK_PATH));
    }

    private static Duration atLeast(String key, Duration value, Duration floor) {
        if (value.compareTo(floor) < 0) {
            throw new IllegalStateException("Configuration " + key + " must be at least " + floor + ", was " + value);
        }
        return value;
    }

    /** {@code id:base64key,...}; a secret, so never echoed in an error. */
    public Optional<String> storeKeys() {
        return optional(STORE_KEYS);
    }

    public Optional<String> storeActiveKey() {
        return optional(STORE_ACTIVE_KEY);
    }

    /**
     * Whether the module talks to a sandbox on this machine ({@link #SERVICE_URL} on {@code localhost} or a loopback
     * address): only then may the built-in demo key, plain-http relays and loopback printers be used.
     */
    public boolean demoMode() {
        return DemoMode.of(serviceUrl());
    }

    /** The value still configured for the removed {@link #REMOVED_DEMO}, if any. */
    public Optional<String> removedDemoSetting() {
        return config().getOptionalValue(REMOVED_DEMO, String.class);
    }

    /** Read before CDI is up (servlet registration), hence static. */
    public static String callbackPath(ClassLoader loader) {
        String value = ConfigProvider.getConfig(loader).getOptionalValue(CALLBACK_PATH, String.class)
                .orElse(DEFAULT_CALLBACK_PATH);
        return path(CALLBACK_PATH, value);
    }

    private Optional<String> optional(String key) {
        return config().getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }

    private String required(String key, String meaning) {
        return optional(key).orElseThrow(() -> new IllegalStateException(
                "Missing configuration " + key + ": set it to " + meaning));
    }

    private int positiveInt(String key, int fallback) {
        Optional<String> value = optional(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < 1) {
                throw new IllegalStateException("Configuration " + key + " must be at least 1, was " + value.get());
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Configuration " + key + " must be a whole number, was " + value.get(), e);
        }
    }

    private long positiveLong(String key, long fallback, long max) {
        return optional(key).map(value -> bytes(key, value, max)).orElse(fallback);
    }

    /** @throws IllegalStateException naming the key, the value and what is allowed */
    static long bytes(String key, String value, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("Configuration " + key + " must be a whole number of bytes from 1 to " + max
                + ", was " + value);
    }

    private boolean bool(String key, boolean fallback) {
        return optional(key).map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalStateException("Configuration " + key + " must be true or false, was " + v);
            }
            return Boolean.parseBoolean(v);
        }).orElse(fallback);
    }

    private Duration durationOrZero(String key, Duration fallback) {
        return optional(key).filter(v -> {
            try {
                return Duration.parse(v).isZero();
            } catch (java.time.format.DateTimeParseException e) {
                return false;
            }
        }).map(v -> Duration.ZERO).orElseGet(() -> duration(key, fallback));
    }

    private Duration duration(String key, Duration fallback) {
        return optional(key).map(value -> positiveDuration(key, value)).orElse(fallback);
    }

    /** @throws IllegalStateException naming the key, the value and what is allowed */
    static Duration positiveDuration(String key, String value) {
        try {
            Duration parsed = Duration.parse(value);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new IllegalStateException("Configuration " + key + " must be positive, was " + value);
            }
            return parsed;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException("Configuration " + key + " must be an ISO-8601 duration such as PT10S, was "
                    + value, e);
        }
    }

    private static URI absoluteUrl(String key, String value) {
        String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Configuration " + key + " is not a URL: " + value, e);
        }
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("Configuration " + key
                    + " must be an absolute http(s) URL without query or fragment, was " + value);
        }
        return uri;
    }

    private static String path(String key, String value) {
        if (!value.startsWith("/") || value.contains("?") || value.contains("#") || value.contains("//")) {
            throw new IllegalStateException("Configuration " + key + " must be a path starting with /, was " + value);
        }
        return value;
    }
}
