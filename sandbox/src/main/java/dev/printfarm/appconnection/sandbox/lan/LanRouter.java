package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.connection.ConnectionRegistry;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerApi;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.octoprint.ApiKeyRule;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintAnswer;
import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintApi;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponse;
import dev.printfarm.appconnection.sandbox.octoprint.ScriptedResponses;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterControls;
import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides what a printer answers when reached directly on the LAN. OctoEverywhere is not in the path, so none of
 * its rules apply: no relay credentials, no 6xx, {@code online} and {@code failWith} are ignored, the webcam has
 * neither the back-to-back rule nor a stream length limit, and there is no command API (the plugin answers it only
 * through the relay). The host answers by kind: OctoPrint, Moonraker (no key needed, as for a trusted LAN client),
 * or nothing at all ({@code other}: 404).
 */
@ApplicationScoped
public class LanRouter {

    private final ConnectionRegistry connections;
    private final PrinterRegistry printers;
    private final LanRequestLog log;
    private final ScriptedResponses scripts;
    private final MoonrakerSockets moonrakerSockets;

    protected LanRouter() {
        this(null, null, null, null, null);
    }

    public LanRouter(ConnectionRegistry connections, PrinterRegistry printers, LanRequestLog log) {
        this(connections, printers, log, new ScriptedResponses());
    }

    public LanRouter(
            ConnectionRegistry connections, PrinterRegistry printers, LanRequestLog log, ScriptedResponses scripts) {
        this(connections, printers, log, scripts, new MoonrakerSockets(printers));
    }

    @Inject
    public LanRouter(
            ConnectionRegistry connections,
            PrinterRegistry printers,
            LanRequestLog log,
            ScriptedResponses scripts,
            MoonrakerSockets moonrakerSockets) {
        this.connections = connections;
        this.printers = printers;
        this.log = log;
        this.scripts = scripts;
        this.moonrakerSockets = moonrakerSockets;
    }

    /** Keeps up to the printer's storage plus multipart framing; anything over it is refused with 413 anyway. */
    public long keepAtMost(String printerId) {
        return printers.find(printerId)
                .map(printer -> printer.files().uploadKeepBytes())
                .orElse(0L);
    }

    /**
     * A request to {@code /lan-ip/{ip}/…} addressed to the one printer at that LAN address; any other request as it
     * is. When no printer, or several (all of them share {@code sandbox.lan-ip}), have the address, it stays without
     * a printer and {@link #answer} answers 404.
     */
    public LanRequest addressed(LanRequest request) {
        if (request.lanIp().isEmpty() || !request.printerId().isEmpty()) {
            return request;
        }
        List<EmulatedPrinter> found = printers.withLanIp(request.lanIp().get());
        return found.size() == 1 ? request.forPrinter(found.get(0).id()) : request;
    }

    public LanAnswer answer(LanRequest request) {
        LanRequest addressed = addressed(request);
        LanAnswer answer = decide(addressed);
        log.record(addressed, answer.status());
        return answer;
    }

    private LanAnswer decide(LanRequest request) {
        Optional<EmulatedPrinter> printer = printers.find(request.printerId());
        if (printer.isEmpty()) {
            return LanAnswer.from(OctoPrintAnswer.error(404, notFound(request)));
        }
        PrinterControls controls = printer.get().controls();
        LanAnswer answer = controls.lan() ? printerAnswer(request, printer.get()) : LanAnswer.down();
        return answer.delayedBy(controls.latencyMs());
    }

    /** A script wins; mjpg-streamer's webcam needs no API key, like on a real Pi. */
    private LanAnswer printerAnswer(LanRequest request, EmulatedPrinter printer) {
        Optional<ScriptedResponse> script = scripts.find(printer.id(), request.method(), request.path());
        if (script.isPresent()) {
            return LanAnswer.from(script.get().answer());
        }
        PrinterKind kind = printer.controls().kind();
        Optional<WebcamAction> webcam = kind == PrinterKind.OTHER
                ? Optional.empty()
                : WebcamAction.of(request.method(), request.path(), request.query());
        if (webcam.isPresent()) {
            return LanAnswer.webcam(WebcamView.onLan(webcam.get(), printer));
        }
        return LanAnswer.from(
                switch (kind) {
                    case OCTOPRINT ->
                        OctoPrintApi.answer(request.toPrinter(), apiKeyRule(printer), printer, printers.now());
                    case MOONRAKER ->
                        MoonrakerApi.answer(
                                request.toPrinter(), printer, printers.now(), moonrakerSockets.openCount(printer.id()));
                    case OTHER -> OctoPrintAnswer.error(404, "This printer has no web API of its own");
                });
    }

    private String notFound(LanRequest request) {
        if (request.lanIp().isEmpty()) {
            return "Unknown printer: " + request.printerId();
        }
        String ip = request.lanIp().get();
        int sharing = printers.withLanIp(ip).size();
        return sharing > 1
                ? "Ambiguous LAN address: all " + sharing + " printers report " + ip
                        + " (sandbox.lan-ip is set); address a printer by id under /lan/{printerId}/ instead"
                : "No printer at LAN address: " + ip;
    }

    /** OctoPrint accepts every key it has: those issued to any of its App Connections and the one made by hand. */
    private ApiKeyRule apiKeyRule(EmulatedPrinter printer) {
        List<String> keys = Stream.concat(
                        connections.forPrinter(printer.id()).stream()
                                .flatMap(connection -> connection.octoPrintApiKey().stream()),
                        Stream.of(printer.userApiKey()))
                .toList();
        return ApiKeyRule.oneOf(keys);
    }
}
