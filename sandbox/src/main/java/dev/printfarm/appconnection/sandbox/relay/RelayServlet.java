package dev.printfarm.appconnection.sandbox.relay;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerSockets;
import dev.printfarm.appconnection.sandbox.moonraker.MoonrakerUpgrade;
import dev.printfarm.appconnection.sandbox.push.PushHub;
import dev.printfarm.appconnection.sandbox.push.PushPaths;
import dev.printfarm.appconnection.sandbox.push.PushUpgrade;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.DelayedResponses;
import dev.printfarm.appconnection.sandbox.web.JsonResponses;
import dev.printfarm.appconnection.sandbox.web.QueryString;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.web.Replies;
import dev.printfarm.appconnection.sandbox.webcam.WebcamAction;
import dev.printfarm.appconnection.sandbox.webcam.WebcamBoard;
import dev.printfarm.appconnection.sandbox.webcam.WebcamHttp;
import dev.printfarm.appconnection.sandbox.webcam.WebcamView;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /relay/{connectionId}/{printer path}} for every HTTP method. Latency is served without holding a thread,
 * except by a webcam stream, which sends from its request's thread until it ends. A WebSocket handshake for
 * {@code /sockjs/websocket} (OctoPrint) or {@code /websocket} (Moonraker) is checked like any relayed request and then
 * upgraded to the printer's push socket or JSON-RPC socket.
 * Every request is counted in flight ({@link RelayInFlight}) until its answer is over; an upgraded handshake until
 * the upgrade is handed to the container (the socket itself is not a request in flight).
 */
@WebServlet(urlPatterns = "/relay/*", asyncSupported = true)
public class RelayServlet extends HttpServlet {

    @Inject
    private RelayRouter router;

    @Inject
    private SandboxSettings settings;

    @Inject
    private WebcamBoard webcams;

    @Inject
    private PushHub push;

    @Inject
    private MoonrakerSockets moonrakerSockets;

    @Inject
    private RelayInFlight inFlight;

    private DelayedResponses responses;

    @Override
    public void init() {
        responses = new DelayedResponses("sandbox-relay-latency");
    }

    @Override
    public void destroy() {
        responses.close();
    }

    /**
     * Counts the request in flight from here until its answer is over: a delayed answer hands its ticket to the
     * asynchronous cycle, every other way out (errors included) closes it in the {@code finally}.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RelayRequest relayed = RelayRequest.of(
                request.getPathInfo(),
                request.getMethod(),
                Optional.ofNullable(request.getHeader("Authorization")),
                Optional.ofNullable(request.getHeader("X-Api-Key")));
        RelayInFlight.Ticket ticket = inFlight.arrive(router.printerOf(relayed.connectionId()));
        boolean handedOver = false;
        try {
            handedOver = serve(request, response, relayed, ticket);
        } finally {
            if (!handedOver) {
                ticket.close();
            }
        }
    }

    /** True when the ticket went to {@link DelayedResponses}, which closes it when the answer is over. */
    private boolean serve(
            HttpServletRequest request, HttpServletResponse response, RelayRequest relayed, RelayInFlight.Ticket ticket)
            throws IOException {
        if (PushPaths.isHandshake(request, relayed.path())) {
            handshake(request, response, relayed);
            return false;
        }
        long length = request.getContentLengthLong();
        ReceivedBody body = router.receive(relayed.connectionId(), request.getInputStream());
        RelayAnswer answer = router.answer(relayed.with(
                QueryString.parse(request.getQueryString()),
                Optional.ofNullable(request.getContentType()),
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(),
                body,
                BaseUrl.relayBase(BaseUrl.of(request, settings)) + "/" + relayed.connectionId()));
        if (answer.webcam().isPresent()) {
            return webcam(request, response, answer, ticket);
        }
        boolean withBody = !"HEAD".equals(request.getMethod());
        responses.send(
                request,
                response,
                answer.delayMs(),
                out -> {
                    if (answer.reset()) {
                        Replies.abort(out);
                    } else {
                        Replies.write(
                                out,
                                answer.status(),
                                answer.headers(),
                                answer.body(),
                                answer.raw(),
                                withBody,
                                answer.cutBodyAfterBytes());
                    }
                },
                ticket::close);
        return true;
    }

    /**
     * A stream sends from this thread until it ends, so it is over when this returns (false). A snapshot may be cut,
     * a stream never: it declares no length.
     */
    private boolean webcam(
            HttpServletRequest request, HttpServletResponse response, RelayAnswer answer, RelayInFlight.Ticket ticket)
            throws IOException {
        WebcamView view = answer.webcam().orElseThrow();
        if (view.action() == WebcamAction.SNAPSHOT) {
            responses.send(
                    request,
                    response,
                    answer.delayMs(),
                    out -> WebcamHttp.snapshot(out, webcams.snapshot(view), answer.cutBodyAfterBytes()),
                    ticket::close);
            return true;
        }
        WebcamHttp.stream(response, webcams.openStream(view, answer.delayMs()));
        return false;
    }

    /**
     * A refused handshake is an ordinary HTTP answer with the relay's 6xx, never a 101. Without WebSocket support in
     * the server nothing is checked or counted: 501.
     */
    private void handshake(HttpServletRequest request, HttpServletResponse response, RelayRequest relayed)
            throws IOException {
        if (!PushPaths.webSocketsEnabled(request.getServletContext())) {
            JsonResponses.write(
                    response,
                    501,
                    Json.createObjectBuilder()
                            .add(
                                    "error",
                                    "WebSocket support is not enabled in this server (Liberty feature websocket-2.1)")
                            .build(),
                    true);
            return;
        }
        RelayHandshake handshake = router.handshake(relayed);
        boolean moonraker = PushPaths.MOONRAKER_PATH.equals(relayed.path());
        if (handshake.upgrades()) {
            if (moonraker) {
                MoonrakerUpgrade.upgrade(
                        request, response, moonrakerSockets, handshake.printer().orElseThrow(), relayed.connectionId());
            } else {
                PushUpgrade.upgrade(request, response, push, handshake.printer().orElseThrow(), relayed.connectionId());
            }
            return;
        }
        handshake.printer().ifPresent(printer -> {
            if (moonraker) {
                moonrakerSockets.refused(printer.id(), handshake.status());
            } else {
                push.refused(printer.id(), handshake.status());
            }
        });
        JsonResponses.write(response, handshake.status(), handshake.errorBody(), true);
    }
}
