package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.webhook.PrintEvent;
import dev.printfarm.appconnection.sandbox.webhook.PrintWatcher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Every printer's open push sockets, and the one timer that feeds all of them: every {@link #TICK} it looks once at
 * each printer that has an open socket, sends {@code event}s for what changed to its authenticated sockets and
 * {@code current} to those that are due one. Printers without a socket cost nothing, however many there are; a
 * printer is watched from its first socket's opening until its last one closes. No thread per socket; a slow client
 * only fills its own outbox. Thread-safe.
 */
@ApplicationScoped
public class PushHub {

    public static final Duration TICK = Duration.ofMillis(100);
    private static final Logger LOG = Logger.getLogger(PushHub.class.getName());

    private final PrinterRegistry printers;
    private final PrintWatcher watcher = new PrintWatcher();
    private final SocketHub<PushSocket> hub = new SocketHub<>("sandbox-push", LOG);

    protected PushHub() {
        this.printers = null;
    }

    @Inject
    public PushHub(PrinterRegistry printers) {
        this.printers = printers;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        hub.start(TICK, this::tick);
    }

    @PreDestroy
    void stop() {
        hub.stop();
    }

    /** A socket the relay upgraded: counted as a 101, registered, greeted with {@code connected}. */
    public PushSocket open(EmulatedPrinter printer, PushTransport transport) {
        PushSocket socket =
                hub.open(printer, (id, frameSent, broken) -> new PushSocket(id, printer, transport, frameSent, broken));
        Instant now = printers.now();
        watcher.noteIfUnseen(printer.id(), printer.octoPrintAt(now), now);
        socket.send(PushFrames.connected(printer, printer.controls().octoprintVersion()));
        return socket;
    }

    /** A handshake the relay answered with a 6xx instead of upgrading. */
    public void refused(String printerId, int status) {
        hub.refused(printerId, status);
    }

    /** A message from the client; an invalid {@code auth} closes the socket with 1008 and nothing more is sent. */
    public void received(PushSocket socket, String text) {
        Instant now = printers.now();
        EmulatedPrinter printer = socket.printer();
        PushSocket.Reaction reaction = socket.receive(
                ClientMessage.parse(text),
                now,
                () -> PushFrames.history(printer.octoPrintAt(now), printer::octoPrintAt, now));
        if (reaction == PushSocket.Reaction.REJECTED) {
            socket.close(PushSocket.POLICY_VIOLATION, "Invalid auth");
            hub.forget(socket);
        }
    }

    /** The client closed the socket, or the connection broke. */
    public void closed(PushSocket socket) {
        hub.closed(socket);
    }

    /** Closes every open socket of the printer with 1011, as when the relay loses the printer; how many. */
    public int drop(String printerId) {
        return hub.drop(printerId);
    }

    public PushCounts counts(String printerId) {
        int authenticated = (int) hub.sockets(printerId).stream()
                .filter(PushSocket::authenticated)
                .count();
        SocketHub.Counts counts = hub.counts(printerId);
        return new PushCounts(
                counts.open(), authenticated, counts.handshakes(), counts.statuses(), counts.framesSent());
    }

    /**
     * One look at every printer with an open socket: events for what changed since the last look, then
     * {@code current} where due. Printers whose last socket closed are no longer watched.
     */
    public void tick() {
        Instant now = printers.now();
        for (Map.Entry<String, Set<PushSocket>> entry : hub.byPrinter().entrySet()) {
            Set<PushSocket> sockets = entry.getValue();
            Optional<EmulatedPrinter> found = printers.find(entry.getKey());
            if (sockets.isEmpty() || found.isEmpty()) {
                continue;
            }
            EmulatedPrinter printer = found.get();
            OctoPrintState state = printer.octoPrintAt(now);
            List<PrintEvent> changes = watcher.observe(printer.id(), state, now);
            List<JsonObject> events = changes.stream()
                    .flatMap(change -> PushEvents.of(change, state.version()).stream())
                    .toList();
            Supplier<JsonObject> current = once(() -> PushFrames.current(state, now));
            for (PushSocket socket : sockets) {
                events.forEach(socket::event);
                socket.tick(now, current);
            }
        }
        watcher.retainOnly(hub.byPrinter()::containsKey);
    }

    /** How many printers are being watched now. */
    public int watching() {
        return watcher.watching();
    }

    /** Closes every socket with 1001, forgets all counts, and the next look at the printers only takes note. */
    public void reset() {
        hub.reset();
        watcher.forget();
    }

    /** Builds the message for the first socket that is due one and hands the same one to the others. */
    private static Supplier<JsonObject> once(Supplier<JsonObject> build) {
        JsonObject[] built = new JsonObject[1];
        return () -> {
            if (built[0] == null) {
                built[0] = build.get();
            }
            return built[0];
        };
    }
}
