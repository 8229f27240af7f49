package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.AnswerTooLargeException;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.CommandOutcomeUnknownException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.api.error.UnusableConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.RelayGate;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.relay.RelayUrlRefusedException;
import dev.printfarm.appconnection.impl.relay.RelayUrls;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import dev.printfarm.appconnection.impl.store.SecretsReplaced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Chooses, per attempt, between a printer's LAN address and its relay URL. A connection goes to the LAN only when
 * it has a LAN address and an OctoPrint API key (the relay credentials never go to the LAN) and after enough
 * good probes; probes run in the background, never on the caller's thread. The first LAN failure sends the
 * connection back to the relay, and the failed request goes through the relay in the same invocation when that
 * is safe: always for reads, for commands only when the LAN attempt provably never reached OctoPrint.
 */
@ApplicationScoped
public class RouteTable {

    private static final Logger LOG = Logger.getLogger(RouteTable.class.getName());

    @Inject
    LanSettings lanSettings;

    @Inject
    RelaySettings relaySettings;

    @Inject
    HttpTransport transport;

    @Inject
    ModuleMetrics metrics;

    @Inject
    RelayUrls relayUrls;

    @Inject
    RelayGate gate;

    /** Whether the relay's breaker was last seen open: the outage's start and end are logged once each. */
    private final java.util.concurrent.atomic.AtomicBoolean relayDown = new java.util.concurrent.atomic.AtomicBoolean();

    private final Clock clock = Clock.systemUTC();
    private final Map<String, LanHealth> health = new ConcurrentHashMap<>();
    /** Connections whose stored relay URL was refused, logged once each. */
    private final java.util.Set<String> unusable = ConcurrentHashMap.newKeySet();

    private final LanRefusals lanRefusals = new LanRefusals(LOG::info);

    /**
     * Each connection's relay target as last built: admitting the relay URL and encoding the credentials cost more than
     * the rest of a call's routing, so they are done once per connection, URL and secrets. Dropped when the secrets are
     * replaced or the connection removed; at most one per stored connection.
     */
    private final Map<String, RelayTarget> relayTargets = new ConcurrentHashMap<>();

    /** The route the connection's next call takes. */
    public ConnectionRoute current(AppConnection connection) {
        boolean lanPossible = lanSettings.enabled()
                && connection.hasOctoPrintApiKey()
                && lanUrl(connection).isPresent();
        LanHealth h = health.get(connection.id());
        return lanPossible && h != null && h.onLan() ? ConnectionRoute.LAN : ConnectionRoute.RELAY;
    }

    /** Runs one attempt of a call on the connection's current route, falling back to the relay as described above. */
    public <R> R run(
            AppConnection connection,
            ConnectionSecrets secrets,
            CallKind kind,
            BooleanSupplier repeatable,
            Function<Target, R> request) {
        Optional<Target> lan = lan(connection, secrets);
        if (lan.isPresent()) {
            LanHealth h = health.computeIfAbsent(connection.id(), id -> newHealth());
            if (h.onLan()) {
                try {
                    return counted(lan.get(), request);
                } catch (AppConnectionException failure) {
                    if (!lanRouteFailed(failure)) {
                        throw failure;
                    }
                    h.lanFailed(clock.instant());
                    LOG.log(Level.INFO, "Connection {0} leaves the LAN route: {1}", new Object[] {
                        connection.id(), failure.getMessage()
                    });
                    if (!repeatable.getAsBoolean()) {
                        throw failure;
                    }
                    if (kind == CallKind.COMMAND && !neverReachedOctoPrint(failure)) {
                        throw new CommandOutcomeUnknownException(connection.id(), failure);
                    }
                }
            } else if (h.claimProbe(clock.instant())) {
                probe(lan.get(), h);
            }
        }
        return counted(relay(connection, secrets), request);
    }

    /**
     * The target of the connection's current route, for callers that send asynchronously and handle the answer
     * themselves (the fleet refresh); a LAN failure they see goes to {@link #lanFailed(String)}.
     */
    public Target target(AppConnection connection, ConnectionSecrets secrets) {
        if (current(connection) == ConnectionRoute.LAN) {
            Optional<Target> lan = lan(connection, secrets);
            if (lan.isPresent()) {
                return lan.get();
            }
        }
        return relay(connection, secrets);
    }

    /** A call on the LAN failed outside {@link #run}: back to the relay. */
    public void lanFailed(String connectionId) {
        LanHealth h = health.get(connectionId);
        if (h != null) {
            h.lanFailed(clock.instant());
        }
    }

    /** One attempt, counted by route and outcome; on the relay route, through the relay's own breaker. */
    private <R> R counted(Target target, Function<Target, R> request) {
        try {
            R result = target.route() == ConnectionRoute.RELAY ? relayed(target, request) : request.apply(target);
            metrics.relayCall(target.route(), "2xx");
            return result;
        } catch (AppConnectionException failure) {
            metrics.relayCall(target.route(), ModuleMetrics.outcome(failure));
            throw failure;
        }
    }

    /**
     * A send on the relay route, through {@link RelayGate#relayed}: while the relay as a whole cannot be reached, sends
     * fail at once without traffic, and the outage is logged once, when it starts, and once when it ends.
     */
    private <R> R relayed(Target target, Function<Target, R> request) {
        try {
            R result = gate.relayed(() -> request.apply(target));
            if (relayDown.compareAndSet(true, false)) {
                LOG.info("OctoEverywhere's relay answers again; relayed calls go through");
            }
            return result;
        } catch (CircuitBreakerOpenException paused) {
            if (relayDown.compareAndSet(false, true)) {
                LOG.warning("OctoEverywhere's relay cannot be reached by most calls: relayed calls fail at once for a"
                        + " while, then a probe tries again (printers' own breakers are not involved)");
            }
            throw new PrinterUnreachableException(
                    "OctoEverywhere's relay cannot be reached at the moment (the relay's"
                            + " breaker is open); nothing was sent",
                    target.connectionId(),
                    paused);
        }
    }

    /**
     * The relay target: the relay URL with the relay credentials (and the OctoPrint API key when there is one).
     *
     * @throws UnusableConnectionException when the stored relay URL is refused by the relay URL policy: it is not dialled
     */
    public Target relay(AppConnection connection, ConnectionSecrets secrets) {
        RelayUrlPolicy policy = relayUrls.policy();
        String relayUrl = connection.relayUrl().toString();
        RelayTarget known = relayTargets.get(connection.id());
        if (known != null
                && known.policy == policy
                && known.relayUrl.equals(relayUrl)
                && known.secrets.equals(secrets)) {
            return known.target;
        }
        Target target = newRelayTarget(connection, secrets, policy);
        relayTargets.put(connection.id(), new RelayTarget(relayUrl, secrets, policy, target));
        return target;
    }

    private Target newRelayTarget(AppConnection connection, ConnectionSecrets secrets, RelayUrlPolicy policy) {
        URI base;
        try {
            base = policy.admit(connection.relayUrl());
        } catch (RelayUrlRefusedException e) {
            if (unusable.add(connection.id())) {
                LOG.warning(() -> "App Connection " + connection.id() + " is unusable: " + e.getMessage()
                        + " Nothing is sent to it; connect the printer again.");
            }
            throw new UnusableConnectionException(
                    "App Connection " + connection.id() + " cannot be used: "
                            + e.getMessage() + " Nothing was sent; connect the printer again (or widen "
                            + "appconnection.relay.allowed-hosts).",
                    connection.id());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization(secrets, relaySettings.preferBearer()));
        secrets.octoPrintApiKey().ifPresent(key -> headers.put("X-Api-Key", key));
        return new Target(connection.id(), ConnectionRoute.RELAY, base, headers);
    }

    /** The LAN target, when the connection could use one: only the OctoPrint API key, never the relay credentials. */
    public Optional<Target> lan(AppConnection connection, ConnectionSecrets secrets) {
        if (!lanSettings.enabled() || secrets.octoPrintApiKey().isEmpty()) {
            return Optional.empty();
        }
        Optional<URI> base = lanUrl(connection);
        return base.map(uri -> new Target(
                connection.id(),
                ConnectionRoute.LAN,
                uri,
                Map.of("X-Api-Key", secrets.octoPrintApiKey().get())));
    }

    /**
     * Why the connection's LAN address is not dialled ("refused by policy: ..."); empty when there is none, it is
     * admitted, or the LAN route is off.
     */
    public Optional<String> lanRefusal(AppConnection connection) {
        if (!lanSettings.enabled()) {
            return Optional.empty();
        }
        return connection
                .lastKnownLocalIp()
                .flatMap(ip -> lanSettings.allowed().judge(ip).refusal());
    }

    /** The admitted LAN address as a base URL; a refused one is logged once per connection and address. */
    private Optional<URI> lanUrl(AppConnection connection) {
        Optional<String> ip = connection.lastKnownLocalIp();
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        LanPolicy.Verdict verdict = lanSettings.allowed().judge(ip.get());
        if (verdict.refusal().isPresent()) {
            lanRefusals.refused(connection.id(), ip.get(), verdict.refusal().get());
            return Optional.empty();
        }
        return verdict.address().flatMap(address -> LanAddress.of(lanSettings.urlTemplate(), address));
    }

    static String authorization(ConnectionSecrets secrets, boolean preferBearer) {
        boolean basicAvailable = secrets.basicUser().isPresent();
        if (secrets.bearerToken().isPresent() && (preferBearer || !basicAvailable)) {
            return "Bearer " + secrets.bearerToken().get();
        }
        String pair = secrets.basicUser().orElseThrow() + ":"
                + secrets.basicPassword().orElseThrow();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The LAN route itself failed: nothing answered, the proxy in front of OctoPrint said it is down, or what answered
     * at the LAN address is not an OctoPrint that can be read.
     */
    public static boolean lanRouteFailed(AppConnectionException failure) {
        return failure instanceof PrinterUnreachableException
                || (failure instanceof UnreadableAnswerException && !(failure instanceof AnswerTooLargeException))
                || isGatewayError(failure);
    }

    private static boolean neverReachedOctoPrint(AppConnectionException failure) {
        if (failure instanceof PrinterResponseException) {
            int status = failure.printerStatus().orElse(0);
            return status == 502 || status == 503;
        }
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGatewayError(AppConnectionException failure) {
        int status = failure.printerStatus().orElse(0);
        return failure instanceof PrinterResponseException && (status == 502 || status == 503 || status == 504);
    }

    private void probe(Target lan, LanHealth h) {
        try {
            transport
                    .sendAsync(
                            lan,
                            transport
                                    .request(lan, "/api/version", lanSettings.timeout())
                                    .GET()
                                    .build(),
                            transport.bytes())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            h.probeSucceeded(clock.instant());
                        } else {
                            h.probeFailed(clock.instant());
                        }
                    });
        } catch (RuntimeException e) {
            h.probeFailed(clock.instant());
        }
    }

    void secretsReplaced(@Observes SecretsReplaced replaced) {
        forget(replaced.connectionId());
        relayTargets.remove(replaced.connectionId());
    }

    void forget(@Observes ConnectionRemoved removed) {
        forget(removed.connectionId());
        relayTargets.remove(removed.connectionId());
        unusable.remove(removed.connectionId());
        lanRefusals.forget(removed.connectionId());
    }

    /** Starts the connection's LAN route over (its address changed): relay until new probes succeed. */
    public void forget(String connectionId) {
        health.remove(connectionId);
    }

    private LanHealth newHealth() {
        return new LanHealth(lanSettings.goodProbes(), lanSettings.probeInterval(), lanSettings.probeMaxInterval());
    }

    /** A built relay target and what it was built from; no {@code toString()}, since the target holds credentials. */
    private static final class RelayTarget {
        final String relayUrl;
        final ConnectionSecrets secrets;
        final RelayUrlPolicy policy;
        final Target target;

        RelayTarget(String relayUrl, ConnectionSecrets secrets, RelayUrlPolicy policy, Target target) {
            this.relayUrl = relayUrl;
            this.secrets = secrets;
            this.policy = policy;
            this.target = target;
        }
    }
}
