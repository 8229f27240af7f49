package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.relay.RelayUrls;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.FlowOutcome;
import dev.printfarm.appconnection.impl.store.NewConnection;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the OctoEverywhere portal sends the browser back. The URL carries the connection's secrets, so
 * nothing here logs or echoes the request URL, and the answer is never cached nor passed on as a Referer.
 * The connection is committed before the browser is redirected.
 */
public class PortalCallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(PortalCallbackServlet.class.getName());

    @Inject
    ConnectionStore store;

    @Inject
    ServiceSettings service;

    @Inject
    PortalSettings portal;

    @Inject
    Event<ConnectionCreated> created;

    @Inject
    RelayUrls relayUrls;

    @Inject
    CallbackRefusals refusals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");

        Map<String, String[]> parameters;
        try {
            parameters = QueryString.parse(request.getQueryString());
        } catch (InvalidCallbackException e) {
            refusals.refused(CallbackRefusal.MALFORMED_QUERY, e.getMessage());
            page(response, 400, "Invalid portal answer", e.getMessage() + " Nothing was stored.");
            return;
        }
        String[] states = parameters.get("state");
        if (states == null || states.length != 1 || states[0].isBlank() || states[0].length() > 256) {
            refusals.refused(CallbackRefusal.MISSING_STATE, "no single state parameter");
            page(
                    response,
                    400,
                    "Missing state",
                    "This address is not the end of a portal flow this application started.");
            return;
        }
        Optional<NewConnection> completed;
        try {
            completed = parser().parse(parameters);
        } catch (InvalidCallbackException e) {
            refusals.refused(CallbackRefusal.INVALID_ANSWER, e.getMessage());
            page(response, 400, "Invalid portal answer", e.getMessage() + " Nothing was stored.");
            return;
        }
        String state = states[0];
        List<String> presented = FlowCookies.presented(state, cookies(request));
        FlowOutcome outcome;
        try {
            outcome = store.completeFlow(state, stored -> FlowCookies.sameBrowser(stored, presented), completed);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "Could not store an App Connection portal completion: "
                            + e.getClass().getName());
            page(response, 503, "Not stored", "The connection could not be stored. Please start again.");
            return;
        }
        // A stored connection keeps its flow's cookie until the cookie's own short Max-Age: the browser's refresh (or
        // the portal's second redirect) of the same completion lands again instead of being taken for another browser.
        // It is worth nothing without the flow's state, which is used up.
        boolean landsAgain =
                outcome.kind() == FlowOutcome.Kind.STORED || outcome.kind() == FlowOutcome.Kind.ALREADY_STORED;
        if (outcome.kind() != FlowOutcome.Kind.OTHER_BROWSER && !landsAgain && !presented.isEmpty()) {
            response.addHeader("Set-Cookie", FlowCookies.expire(state, service.publicBaseUrl(), portal.callbackPath()));
        }
        switch (outcome.kind()) {
            case STORED -> {
                var connection = outcome.connection().orElseThrow();
                LOG.info(() -> "Stored App Connection " + connection.id() + " for owner " + connection.owner());
                announce(connection);
                redirectToLanding(response);
            }
            case ALREADY_STORED -> redirectToLanding(response);
            case CANCELLED ->
                page(
                        response,
                        200,
                        "No printer connected",
                        "The portal ended without connecting a printer (it was cancelled or failed). Nothing was stored.");
            case OTHER_BROWSER ->
                refuse(
                        response,
                        CallbackRefusal.OTHER_BROWSER,
                        403,
                        "Portal flow of another browser",
                        "This portal flow was started in another browser. Nothing was stored.");
            case UNKNOWN_STATE ->
                refuse(
                        response,
                        CallbackRefusal.UNKNOWN_STATE,
                        403,
                        "Unknown portal flow",
                        "This application did not start this portal flow. Nothing was stored.");
            case REPLAYED_STATE ->
                refuse(
                        response,
                        CallbackRefusal.REPLAYED_STATE,
                        403,
                        "Portal flow already used",
                        "This portal flow was already completed. Nothing new was stored.");
            case EXPIRED_STATE ->
                refuse(
                        response,
                        CallbackRefusal.EXPIRED_STATE,
                        410,
                        "Portal flow expired",
                        "This portal flow took too long and expired. Please start again. Nothing was stored.");
            case DUPLICATE_CONNECTION ->
                refuse(
                        response,
                        CallbackRefusal.DUPLICATE_CONNECTION,
                        409,
                        "Connection already stored",
                        "A connection with this id is already stored. Nothing new was stored.");
        }
    }

    private void refuse(HttpServletResponse response, CallbackRefusal reason, int status, String title, String text)
            throws IOException {
        refusals.refused(reason, text);
        page(response, status, title, text);
    }

    /** The browser's cookies by name; a name may come more than once (different paths). */
    private static Map<String, List<String>> cookies(HttpServletRequest request) {
        Map<String, List<String>> byName = new HashMap<>();
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                byName.computeIfAbsent(cookie.getName(), n -> new ArrayList<>()).add(cookie.getValue());
            }
        }
        return byName;
    }

    /** The connection is committed: an observer's failure is logged and must not turn into an error page. */
    private void announce(dev.printfarm.appconnection.api.AppConnection connection) {
        try {
            created.fire(new ConnectionCreated(connection));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "An observer of ConnectionCreated failed for App Connection " + connection.id() + ": "
                            + e.getClass().getName());
        }
    }

    private CompletionParser parser() {
        return new CompletionParser(relayUrls.policy());
    }

    private void redirectToLanding(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", service.publicBaseUrl() + portal.landingPath());
    }

    private static void page(HttpServletResponse response, int status, String title, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
                        + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(text)
                        + "</p></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
