package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.impl.cluster.LeaseStore;
import dev.printfarm.appconnection.impl.cluster.Leases;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What {@link ClusterIT} asks each server of the cluster, in plain text: {@code /probe/portal?printerId=…} (a portal
 * URL for a new connection), {@code /probe/me} (this server's lease holder id), {@code /probe/lease/{name}} (who holds
 * the lease, per the shared database), {@code /probe/state/{id}} and {@code /probe/job/{id}} (a connection as this
 * server sees it, the job asked through it), {@code /probe/rows} (every stored connection and whether its secrets open).
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

    /** Every stored connection: {@code <id> readable} or {@code <id> unreadable}, one per line. */
    private String rows() {
        StringBuilder out = new StringBuilder();
        for (String id : store.ids()) {
            String verdict;
            try {
                verdict = store.findWithSecrets(id).map(s -> s.secrets().appApiToken().isEmpty() ? "empty" : "readable")
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
            case "portal" -> service.portalUrl(PortalRequest.forOwner("cluster-it")).toString();
            case "me" -> leases.holder();
            case "lease" -> leaseStore.find(path[1]).map(l -> l.holder() + " " + l.expiresAt()).orElse("none");
            case "state" -> service.connection(path[1]).map(c -> c.state().name()).orElse("missing");
            case "job" -> service.octoPrint(path[1]).job().file().orElse("");
            case "rows" -> rows();
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
