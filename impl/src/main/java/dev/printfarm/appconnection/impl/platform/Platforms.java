package dev.printfarm.appconnection.impl.platform;

import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRemoved;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What runs each connection's printer. Learned once and kept with the connection: from the fleet refresh's ordinary
 * answers (an OctoPrint answers {@code /api/printer}), or, when that finds no OctoPrint or someone asks, by asking
 * through the relay: OctoPrint answers {@code /api/version}, Moonraker {@code /server/info}
 * (wrapped in {@code result}), anything else only OctoEverywhere's command API. A printer that cannot be asked now
 * (offline, relay trouble) is asked again next time.
 */
@ApplicationScoped
public class Platforms {

    private static final Logger LOG = Logger.getLogger(Platforms.class.getName());

    @Inject
    ConnectionStore store;

    @Inject
    RouteTable routes;

    @Inject
    HttpTransport transport;

    @Inject
    PrinterGuard guard;

    @Inject
    ModuleConfig config;

    private final Map<String, PrinterPlatform> known = new ConcurrentHashMap<>();

    /**
     * The printer's platform: remembered, or asked now (UNKNOWN when it answers as none of them).
     *
     * @throws AppConnectionException when it is not known yet and the printer cannot be asked now
     */
    public PrinterPlatform of(StoredConnection stored) {
        String id = stored.connection().id();
        PrinterPlatform platform = known.get(id);
        if (platform != null) {
            return platform;
        }
        Optional<PrinterPlatform> kept = store.platformOf(id);
        if (kept.isPresent()) {
            known.put(id, kept.get());
            return kept.get();
        }
        PrinterPlatform learned = detect(stored);
        if (learned != PrinterPlatform.UNKNOWN) {
            store.rememberPlatform(id, learned);
            known.put(id, learned);
            LOG.info(() -> "App Connection " + id + ": the printer runs " + learned);
        }
        return learned;
    }

    /** The platform when it is known already, without asking the printer. */
    public Optional<PrinterPlatform> known(String connectionId) {
        PrinterPlatform platform = known.get(connectionId);
        if (platform != null) {
            return Optional.of(platform);
        }
        Optional<PrinterPlatform> kept = store.platformOf(connectionId);
        kept.ifPresent(p -> known.put(connectionId, p));
        return kept;
    }

    /**
     * Asks the printer: UNKNOWN when it answers none of the three as expected. A failure to reach it (offline, relay
     * trouble, revoked) is thrown at the first ask, so one offline printer costs one call, not three.
     */
    PrinterPlatform detect(StoredConnection stored) {
        Answer version = ask(stored, "/api/version");
        // 401 or 403: an OctoPrint that wants an API key the connection does not have (the portal made none).
        if (version.status() == 401 || version.status() == 403
                || version.json().filter(json -> json.containsKey("server") || json.containsKey("api")).isPresent()) {
            return PrinterPlatform.OCTOPRINT;
        }
        if (ask(stored, "/server/info").json().filter(json -> json.get("result") instanceof JsonObject).isPresent()) {
            return PrinterPlatform.MOONRAKER;
        }
        if (ask(stored, "/octoeverywhere-command-api/status").json()
                .filter(json -> json.get("Status") instanceof JsonNumber n && n.intValue() == 200).isPresent()) {
            return PrinterPlatform.OTHER;
        }
        return PrinterPlatform.UNKNOWN;
    }

    /** What one path answered: its status, and its JSON object when it answered 200 with one. */
    private record Answer(int status, Optional<JsonObject> json) {
    }

    /** One relayed GET under the connection's guard; a 6xx is thrown as the module's exception. */
    private Answer ask(StoredConnection stored, String path) {
        return guard.call(stored.connection(), CallKind.READ, () -> {
            Target relay = routes.relay(stored.connection(), stored.secrets());
            HttpRequest request = transport.request(relay, path, config.readTimeout()).GET().build();
            HttpResponse<String> r = transport.send(relay, request, transport.text());
            if (r.statusCode() >= 600) {
                throw transport.error(relay, r.statusCode());
            }
            if (r.statusCode() != 200) {
                return new Answer(r.statusCode(), Optional.empty());
            }
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                JsonValue value = reader.readValue();
                return new Answer(200, value instanceof JsonObject json ? Optional.of(json) : Optional.empty());
            } catch (RuntimeException notJson) {
                return new Answer(200, Optional.empty());
            }
        });
    }

    /** Remembers a platform learned from an ordinary answer (an OctoPrint that answered {@code /api/printer}). */
    public void learned(String connectionId, PrinterPlatform platform) {
        if (platform != PrinterPlatform.UNKNOWN && known.put(connectionId, platform) != platform) {
            try {
                store.rememberPlatform(connectionId, platform);
            } catch (RuntimeException e) {
                // Learned again from a later answer.
                known.remove(connectionId, platform);
                LOG.log(Level.FINE, "The platform of App Connection " + connectionId + " was not stored now", e);
            }
        }
    }

    void removed(@Observes ConnectionRemoved removed) {
        known.remove(removed.connectionId());
    }
}
