package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.impl.cluster.LeaseStore;
import dev.printfarm.appconnection.impl.cluster.Leases;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.WebhookStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link ClusterIT} asks each server of the cluster, in plain text: {@code /probe/portal?printerId=…} (a portal
 * URL for a new connection), {@code /probe/me} (this server's lease holder id), {@code /probe/lease/{name}} (who holds
 * the lease, per the shared database), {@code /probe/state/{id}} and {@code /probe/job/{id}} (a connection as this
 * server sees it, the job asked through it), {@code /probe/rows} (every stored connection and whether its secrets open),
 * {@code /probe/fleet/{id}} (this server's fleet snapshot: state and {@code updatedAt}), {@code /probe/print/{id}}
 * (starts the printer's job), {@code /probe/watch/{id}} and {@code /probe/gadget/{id}} (a Gadget watch on this server,
 * and how many updates it received), {@code /probe/webhook/{id}} (a webhook registration with a token the test gets, as
 * OctoEverywhere would hold it) and {@code /probe/notifications/{id}} (notifications fired on this server).
 */
@WebServlet("/probe/*")
public class ClusterProbe extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AppConnectionService service;

    @Inject
    transient Leases leases;

    @Inject
    transient LeaseStore leaseStore;

    @Inject
    transient ConnectionStore store;

    @Inject
    transient WebhookStore webhooks;

    @Inject
    transient Events events;

    /** What this server's application observed (public methods only: the servlet holds a client proxy). */
    @ApplicationScoped
    public static class Events {
        private final Map<String, AtomicInteger> notifications = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> gadget = new ConcurrentHashMap<>();
        private final Map<String, Subscription> watches = new ConcurrentHashMap<>();

        void notified(@Observes PrinterNotification notification) {
            notifications
                    .computeIfAbsent(notification.connectionId(), id -> new AtomicInteger())
                    .incrementAndGet();
        }

        public void watch(AppConnectionService service, String connectionId) {
            watches.computeIfAbsent(
                    connectionId,
                    id -> service.watchGadget(
                            id,
                            update -> gadget.computeIfAbsent(update.connectionId(), key -> new AtomicInteger())
                                    .incrementAndGet()));
        }

        public int gadgetUpdates(String connectionId) {
            return gadget.getOrDefault(connectionId, new AtomicInteger()).get();
        }

        public int notifications(String connectionId) {
            return notifications.getOrDefault(connectionId, new AtomicInteger()).get();
        }
    }

    private String webhook(String id) {
        String token = Secrets.randomToken(32);
        Instant now = Instant.now();
        webhooks.save(
                id,
                Secrets.fingerprint(token),
                URI.create("http://localhost/x"),
                Set.of(),
                now,
                now.plus(Duration.ofDays(1)),
                now);
        return token;
    }

    /** Every stored connection: {@code <id> readable} or {@code <id> unreadable}, one per line. */
    private String rows() {
        StringBuilder out = new StringBuilder();
        for (String id : store.ids()) {
            String verdict;
            try {
                verdict = store.findWithSecrets(id)
                        .map(s -> s.secrets().appApiToken().isEmpty() ? "empty" : "readable")
                        .orElse("missing");
            } catch (RuntimeException e) {
                verdict = "unreadable";
            }
            out.append(id).append(' ').append(verdict).append('\n');
        }
        return out.toString();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo().substring(1).split("/", 2);
        String answer = switch (path[0]) {
            case "portal" ->
                service.portalUrl(PortalRequest.forOwner("cluster-it"), response::addHeader)
                        .toString();
            case "me" -> leases.holder();
            case "lease" ->
                leaseStore
                        .find(path[1])
                        .map(l -> l.holder() + " " + l.expiresAt())
                        .orElse("none");
            case "state" ->
                service.connection(path[1]).map(c -> c.state().name()).orElse("missing");
            case "job" -> service.octoPrint(path[1]).job().file().orElse("");
            case "rows" -> rows();
            case "fleet" ->
                service.fleet().stream()
                        .filter(f -> f.connectionId().equals(path[1]))
                        .findFirst()
                        .map(f -> f.state() + " " + f.updatedAt())
                        .orElse("none");
            case "print" -> {
                var printer = service.octoPrint(path[1]);
                if (!printer.printer().printing()) {
                    printer.startPrint();
                }
                yield "printing";
            }
            case "watch" -> {
                events.watch(service, path[1]);
                yield "watching";
            }
            case "gadget" -> String.valueOf(events.gadgetUpdates(path[1]));
            case "webhook" -> webhook(path[1]);
            case "notifications" -> String.valueOf(events.notifications(path[1]));
            default -> null;
        };
        if (answer == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
