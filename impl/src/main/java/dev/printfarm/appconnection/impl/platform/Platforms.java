package dev.printfarm.appconnection.impl.platform;

import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.impl.commandapi.CommandAnswer;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerResult;
import dev.printfarm.appconnection.impl.moonraker.MoonrakerServerInfoAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoPrintVersionAnswer;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.PrinterGuard;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RouteTable;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Type;
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
    RelaySettings relaySettings;

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
        Answer<OctoPrintVersionAnswer> version = ask(stored, "/api/version", OctoPrintVersionAnswer.class);
        // 401 or 403: an OctoPrint that wants an API key the connection does not have (the portal made none).
        if (version.status() == 401
                || version.status() == 403
                || version.read()
                        .filter(v -> v.server() != null || v.api() != null)
                        .isPresent()) {
            return PrinterPlatform.OCTOPRINT;
        }
        Answer<MoonrakerResult<MoonrakerServerInfoAnswer>> moonraker = ask(stored, "/server/info", MOONRAKER);
        if (moonraker.read().filter(info -> info.result() != null).isPresent()) {
            return PrinterPlatform.MOONRAKER;
        }
        Answer<CommandAnswer<CommandAnswer.Ignored>> command =
                ask(stored, "/octoeverywhere-command-api/status", COMMAND);
        if (command.read()
                .filter(envelope -> Integer.valueOf(200).equals(envelope.status()))
                .isPresent()) {
            return PrinterPlatform.OTHER;
        }
        return PrinterPlatform.UNKNOWN;
    }

    private static final Type MOONRAKER = WireJson.type(MoonrakerResult.class, MoonrakerServerInfoAnswer.class);
    private static final Type COMMAND = WireJson.type(CommandAnswer.class, CommandAnswer.Ignored.class);

    /** What one path answered: its status, and what it said when it answered 200 with the JSON asked for. */
    private record Answer<T>(int status, Optional<T> read) {}

    /** One relayed GET under the connection's guard; a 6xx is thrown as the module's exception. */
    private <T> Answer<T> ask(StoredConnection stored, String path, Type type) {
        return guard.call(stored.connection(), CallKind.READ, () -> {
            Target relay = routes.relay(stored.connection(), stored.secrets());
            HttpRequest request = transport
                    .request(relay, path, relaySettings.readTimeout())
                    .GET()
                    .build();
            HttpResponse<String> r = transport.send(relay, request, transport.text());
            if (r.statusCode() >= 600) {
                throw transport.error(relay, r);
            }
            if (r.statusCode() != 200) {
                return new Answer<>(r.statusCode(), Optional.empty());
            }
            try {
                return new Answer<>(200, Optional.of(WireJson.<T>read(r.body(), type)));
            } catch (UnreadableJsonException notThisPlatform) {
                return new Answer<>(200, Optional.empty());
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
