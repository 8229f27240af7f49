package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.impl.internal.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Connections and portal flows, in the application's database. Every public method is one transaction. */
@ApplicationScoped
@Transactional
public class ConnectionStore {

    @PersistenceContext(unitName = "appconnection")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** Starts a portal flow for {@code owner}; returns the one-time state token (only its fingerprint is kept). */
    public String startFlow(String owner, Duration ttl) {
        String token = Secrets.randomToken(32);
        var flow = new PortalFlowEntity();
        flow.stateHash = Secrets.fingerprint(token);
        flow.owner = owner;
        flow.createdAt = clock.instant();
        flow.expiresAt = flow.createdAt.plus(ttl);
        em.persist(flow);
        return token;
    }

    /** Uses up the flow's state and, when the portal succeeded, commits the connection in the same transaction. */
    public FlowOutcome completeFlow(String stateToken, Optional<NewConnection> completed) {
        String hash = Secrets.fingerprint(stateToken);
        PortalFlowEntity flow = em.find(PortalFlowEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (flow == null) {
            return FlowOutcome.of(FlowOutcome.Kind.UNKNOWN_STATE);
        }
        if (flow.usedAt != null) {
            return completed
                    .map(c -> em.find(ConnectionEntity.class, c.id()))
                    .filter(existing -> existing.flowHash.equals(hash))
                    .map(existing -> new FlowOutcome(FlowOutcome.Kind.ALREADY_STORED, Optional.of(toApi(existing))))
                    .orElse(FlowOutcome.of(FlowOutcome.Kind.REPLAYED_STATE));
        }
        Instant now = clock.instant();
        if (!now.isBefore(flow.expiresAt)) {
            return FlowOutcome.of(FlowOutcome.Kind.EXPIRED_STATE);
        }
        if (completed.isEmpty()) {
            flow.markUsed(now);
            return FlowOutcome.of(FlowOutcome.Kind.CANCELLED);
        }
        NewConnection c = completed.get();
        if (em.find(ConnectionEntity.class, c.id()) != null) {
            return FlowOutcome.of(FlowOutcome.Kind.DUPLICATE_CONNECTION);
        }
        flow.markUsed(now);
        var entity = new ConnectionEntity();
        entity.id = c.id();
        entity.owner = flow.owner;
        entity.printerName = c.printerName();
        entity.relayUrl = c.relayUrl().toString();
        entity.userPrinterAccessUrl = c.userPrinterAccessUrl().map(URI::toString).orElse(null);
        entity.lastKnownLocalIp = c.lastKnownLocalIp().orElse(null);
        entity.state = ConnectionState.UNKNOWN;
        entity.createdAt = now;
        entity.stateChangedAt = now;
        entity.flowHash = hash;
        ConnectionSecrets s = c.secrets();
        entity.basicUser = s.basicUser().orElse(null);
        entity.basicPassword = s.basicPassword().orElse(null);
        entity.bearerToken = s.bearerToken().orElse(null);
        entity.appApiToken = s.appApiToken();
        entity.octoPrintApiKey = s.octoPrintApiKey().orElse(null);
        em.persist(entity);
        em.flush();
        return new FlowOutcome(FlowOutcome.Kind.STORED, Optional.of(toApi(entity)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppConnection> list() {
        return em.createQuery("select c from ConnectionEntity c order by c.createdAt desc, c.id", ConnectionEntity.class)
                .getResultList().stream().map(ConnectionStore::toApi).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AppConnection> find(String id) {
        return Optional.ofNullable(em.find(ConnectionEntity.class, id)).map(ConnectionStore::toApi);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ConnectionSecrets> secrets(String id) {
        return Optional.ofNullable(em.find(ConnectionEntity.class, id)).map(e -> new ConnectionSecrets(
                Optional.ofNullable(e.basicUser), Optional.ofNullable(e.basicPassword),
                Optional.ofNullable(e.bearerToken), e.appApiToken, Optional.ofNullable(e.octoPrintApiKey)));
    }

    /** Records what was learned about a connection; returns whether the state changed. */
    public boolean markState(String id, ConnectionState state) {
        ConnectionEntity entity = em.find(ConnectionEntity.class, id);
        return entity != null && entity.changeState(state, clock.instant());
    }

    private static AppConnection toApi(ConnectionEntity e) {
        return new AppConnection(e.id, e.owner, e.printerName, URI.create(e.relayUrl),
                Optional.ofNullable(e.userPrinterAccessUrl).map(URI::create), Optional.ofNullable(e.lastKnownLocalIp),
                e.state, e.createdAt, e.octoPrintApiKey != null);
    }
}
