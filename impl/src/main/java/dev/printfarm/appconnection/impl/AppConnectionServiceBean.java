package dev.printfarm.appconnection.impl;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.OctoPrintClient;
import dev.printfarm.appconnection.api.PortalRequest;
import dev.printfarm.appconnection.api.UnknownConnectionException;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.octoprint.RelayedOctoPrintClient;
import dev.printfarm.appconnection.impl.portal.PortalUrls;
import dev.printfarm.appconnection.impl.relay.CallOutcomes;
import dev.printfarm.appconnection.impl.relay.RelayClients;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The module's {@link AppConnectionService}. */
@ApplicationScoped
public class AppConnectionServiceBean implements AppConnectionService {

    @Inject
    ModuleConfig config;

    @Inject
    ConnectionStore store;

    @Inject
    RelayClients relayClients;

    @Inject
    CallOutcomes outcomes;

    @Override
    public URI portalUrl(PortalRequest request) {
        Objects.requireNonNull(request, "request");
        // Read all configuration first, so a misconfiguration fails before a flow is stored.
        URI service = config.serviceUrl();
        String appId = config.appId();
        URI base = config.publicBaseUrl();
        String callbackPath = config.callbackPath();
        String state = store.startFlow(request.owner(), config.flowTtl());
        return PortalUrls.portalUrl(service, appId, PortalUrls.returnUrl(base, callbackPath, state), request);
    }

    @Override
    public List<AppConnection> connections() {
        return store.list();
    }

    @Override
    public Optional<AppConnection> connection(String connectionId) {
        return connectionId == null ? Optional.empty() : store.find(connectionId);
    }

    @Override
    public OctoPrintClient octoPrint(String connectionId) {
        AppConnection connection = connection(connectionId)
                .orElseThrow(() -> new UnknownConnectionException(connectionId));
        var secrets = store.secrets(connectionId).orElseThrow(() -> new UnknownConnectionException(connectionId));
        return new RelayedOctoPrintClient(connection, secrets, relayClients, outcomes);
    }
}
