package dev.printfarm.appconnection.sandbox.moonraker;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.push.PushTransport;
import dev.printfarm.appconnection.sandbox.push.SocketHub;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Every printer's open Moonraker sockets and the one timer that feeds them: every {@link #TICK} (Moonraker's 250 ms
 * subscription interval) it reads each printer that has an open socket once and hands its objects to each socket,
 * which sends what changed. Printers without a socket cost nothing. Thread-safe.
 */
@ApplicationScoped
public class MoonrakerSockets {

    public static final Duration TICK = Duration.ofMillis(250);
    private static final Logger LOG = Logger.getLogger(MoonrakerSockets.class.getName());

    private final PrinterRegistry printers;
    private final SocketHub<RpcSocket> hub = new SocketHub<>("sandbox-moonraker", LOG);

    protected MoonrakerSockets() {
        this.printers = null;
    }

    @Inject
    public MoonrakerSockets(PrinterRegistry printers) {
        this.printers = printers;
    }

    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        hub.start(TICK, this::tick);
    }

    @PreDestroy
    void stop() {
        hub.stop();
    }

    /** A socket the relay upgraded: counted as a 101 and registered; Moonraker sends nothing until asked. */
    public RpcSocket open(EmulatedPrinter printer, PushTransport transport) {
        return hub.open(printer, (id, frameSent, broken) -> new RpcSocket(id, printer, transport, frameSent, broken));
    }

    /** A {@code /websocket} handshake the relay answered with an error instead of upgrading. */
    public void refused(String printerId, int status) {
        hub.refused(printerId, status);
    }

    /** A message from the client: JSON-RPC requests, answered on the same socket. */
    public void received(RpcSocket socket, String text) {
        EmulatedPrinter printer = socket.printer();
        socket.handle(text, new Host(printer, printers.now(), openCount(printer.id()), ""));
    }

    public void closed(RpcSocket socket) {
        hub.closed(socket);
    }

    /** Sockets of the printer open now: Moonraker's {@code websocket_count}. */
    public int openCount(String printerId) {
        return hub.sockets(printerId).size();
    }

    /** Closes every open socket of the printer with 1011, as when the relay loses the printer; how many. */
    public int drop(String printerId) {
        return hub.drop(printerId);
    }

    public MoonrakerSocketCounts counts(String printerId) {
        int subscribed = (int)
                hub.sockets(printerId).stream().filter(RpcSocket::subscribed).count();
        SocketHub.Counts counts = hub.counts(printerId);
        return new MoonrakerSocketCounts(
                counts.open(), subscribed, counts.handshakes(), counts.statuses(), counts.framesSent());
    }

    /** One look at every printer with an open socket; each socket sends what changed since it last told. */
    public void tick() {
        Instant now = printers.now();
        for (Map.Entry<String, Set<RpcSocket>> entry : hub.byPrinter().entrySet()) {
            Set<RpcSocket> sockets = entry.getValue();
            Optional<EmulatedPrinter> printer = printers.find(entry.getKey());
            if (sockets.isEmpty() || printer.isEmpty()) {
                continue;
            }
            Machine machine = Machine.of(printer.get(), now);
            Map<String, JsonObject> all = MoonrakerObjects.all(machine);
            for (RpcSocket socket : sockets) {
                socket.tick(all, machine.eventtime(), machine.ready());
            }
        }
    }

    /** Closes every socket with 1001 and forgets all counts. */
    public void reset() {
        hub.reset();
    }
}
