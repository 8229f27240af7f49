package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.appapi.WebhookRegistration;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.impl.appapi.AppApiClient;
import dev.printfarm.appconnection.impl.cluster.Leases;
import dev.printfarm.appconnection.impl.config.ServiceSettings;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.impl.startup.ModuleStarting;
import dev.printfarm.appconnection.impl.store.ConnectionStore;
import dev.printfarm.appconnection.impl.store.OpenedConnections;
import dev.printfarm.appconnection.impl.store.SecretsUnreadableException;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import dev.printfarm.appconnection.impl.store.StoredWebhook;
import dev.printfarm.appconnection.impl.store.WebhookStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Notification webhooks: registration with a fresh unguessable token, renewal well before OctoEverywhere's 180 days
 * (due times are in the store, so a restart loses none), deletion, and the test call.
 */
@ApplicationScoped
public class Webhooks {

    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    /** Renewal runs on one server of a cluster at a time. */
    static final String LEASE = "webhook-renewal";

    private static final int RENEWAL_BATCH = 100;

    @Inject
    ServiceSettings service;

    @Inject
    WebhookSettings settings;

    @Inject
    Leases leases;

    @Inject
    WebhookStore webhooks;

    @Inject
    ConnectionStore connections;

    @Inject
    OpenedConnections opened;

    @Inject
    AppApiClient appApi;

    @Inject
    Background background;

    private final Clock clock = Clock.systemUTC();

    void start(@Observes ModuleStarting started) {
        Duration check = settings.renewalCheckInterval();
        // Soon after start, so that renewals that fell due while no server ran are made at once.
        background.every("webhook renewal", Duration.ofSeconds(1), check, this::renewDue);
    }

    public WebhookRegistration register(StoredConnection stored, Set<NotificationEvent> events) {
        if (events.contains(NotificationEvent.UNKNOWN)) {
            throw new IllegalArgumentException("UNKNOWN is not an event type OctoEverywhere can filter on");
        }
        URI receiver = URI.create(service.publicBaseUrl() + settings.path());
        Set<Integer> codes = events.stream().map(NotificationEvent::code).collect(Collectors.toSet());
        return register(stored, receiver, codes);
    }

    private WebhookRegistration register(StoredConnection stored, URI receiver, Set<Integer> codes) {
        String id = stored.connection().id();
        String token = Secrets.randomToken(32);
        String hash = Secrets.fingerprint(token);
        // Accepted before OctoEverywhere knows it: a delivery may follow the registration faster than our commit.
        webhooks.registering(id, hash, receiver, codes);
        try {
            appApi.setWebhook(stored.connection(), stored.secrets(), URI.create(receiver + "?token=" + token), codes);
        } catch (RuntimeException e) {
            webhooks.abandoned(id, hash);
            throw e;
        }
        Instant now = clock.instant();
        Instant renewAt = now.plus(settings.renewAfter());
        webhooks.registered(id, hash, receiver, codes, now, renewAt, now.plus(settings.previousTokenGrace()));
        LOG.info(() -> "Registered the notification webhook of App Connection "
                + stored.connection().id() + "; renewal due " + renewAt);
        return toApi(stored.connection().id(), codes, now, renewAt);
    }

    public Optional<WebhookRegistration> find(String connectionId) {
        return webhooks.find(connectionId)
                .map(w -> toApi(w.connectionId(), w.eventTypes(), w.registeredAt(), w.renewAt()));
    }

    /**
     * Deletes the registration at OctoEverywhere (best effort: a failure is logged, as the local token is retired
     * anyway and later deliveries are refused) and here. Returns whether one was registered.
     */
    public boolean unregister(StoredConnection stored) {
        String id = stored.connection().id();
        if (webhooks.find(id).isEmpty()) {
            return false;
        }
        try {
            appApi.deleteWebhook(stored.connection(), stored.secrets());
        } catch (AppConnectionException e) {
            LOG.log(
                    Level.WARNING,
                    "OctoEverywhere did not delete the webhook of App Connection {0}: {1}",
                    new Object[] {id, e.getMessage()});
        }
        return webhooks.delete(id);
    }

    /** Forgets the registration here only (its token is refused from now on). */
    public void forget(String connectionId) {
        webhooks.delete(connectionId);
    }

    public WebhookTest test(StoredConnection stored) {
        return appApi.testWebhook(stored.connection(), stored.secrets());
    }

    /**
     * Renews every registration that is due, retires previous tokens whose grace is over and forgets their deliveries:
     * on one server of a cluster at a time.
     */
    void renewDue() {
        if (!leases.holds(LEASE)) {
            return;
        }
        Instant now = clock.instant();
        List<String> due = webhooks.dueForRenewal(now, RENEWAL_BATCH);
        for (String id : due) {
            renew(id);
        }
        // A token is accepted at most OctoEverywhere's lifetime after it was registered, plus a grace once replaced.
        Instant legacyBefore = now.minus(StoredWebhook.LIFETIME).minus(settings.previousTokenGrace());
        int forgotten = webhooks.retireTokens(now, legacyBefore, RENEWAL_BATCH);
        if (forgotten > 0) {
            LOG.fine(() -> "Forgot " + forgotten + " webhook deliveries of retired tokens");
        }
    }

    private void renew(String id) {
        Optional<StoredWebhook> webhook = webhooks.find(id);
        Optional<StoredConnection> stored;
        try {
            stored = opened.find(id);
        } catch (SecretsUnreadableException e) {
            LOG.warning(() -> "Cannot renew the webhook of App Connection " + id + ": " + e.getMessage());
            return;
        }
        if (webhook.isEmpty() || stored.isEmpty()) {
            webhooks.delete(id);
            return;
        }
        ConnectionState state = stored.get().connection().state();
        if (state == ConnectionState.REVOKED || state == ConnectionState.INVALID_CREDENTIALS) {
            LOG.info(() -> "Dropping the webhook of App Connection " + id + ", which is " + state);
            webhooks.delete(id);
            return;
        }
        try {
            register(stored.get(), webhook.get().receiverUrl(), webhook.get().eventTypes());
        } catch (AppConnectionException e) {
            LOG.log(
                    Level.WARNING,
                    "Renewing the webhook of App Connection {0} failed; tried again in {1}: {2}",
                    new Object[] {id, settings.renewalCheckInterval(), e.getMessage()});
        }
    }

    private static WebhookRegistration toApi(String id, Set<Integer> codes, Instant registeredAt, Instant renewAt) {
        return new WebhookRegistration(
                id, codes.stream().map(NotificationEvent::of).collect(Collectors.toSet()), registeredAt, renewAt);
    }
}
