package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.impl.internal.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    @PersistenceContext(unitName = StoreUnit.NAME)
    EntityManager em;

    @Inject
    SecretKeys keys;

    @Inject
    Event<ConnectionChanged> changed;

    private final Clock clock = Clock.systemUTC();

    /**
     * Starts a portal flow for {@code owner}, bound to the browser whose cookie value has {@code browserHash}; returns
     * the one-time state token (only its fingerprint is kept).
     */
    public String startFlow(String owner, Optional<String> reference, Duration ttl, String browserHash) {
        String token = Secrets.randomToken(32);
        var flow = new PortalFlowEntity();
        flow.stateHash = Secrets.fingerprint(token);
        flow.browserHash = browserHash;
        flow.owner = owner;
        flow.reference = reference.orElse(null);
        flow.createdAt = clock.instant();
        flow.expiresAt = flow.createdAt.plus(ttl);
        em.persist(flow);
        return token;
    }

    /**
     * Uses up the flow's state and, when the portal succeeded, commits the connection in the same transaction; unless
     * {@code sameBrowser} refuses the browser hash kept with the flow, which changes nothing.
     */
    public FlowOutcome completeFlow(
            String stateToken, java.util.function.Predicate<String> sameBrowser, Optional<NewConnection> completed) {
        String hash = Secrets.fingerprint(stateToken);
        PortalFlowEntity flow = em.find(PortalFlowEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (flow == null) {
            return FlowOutcome.of(FlowOutcome.Kind.UNKNOWN_STATE);
        }
        if (!sameBrowser.test(flow.browserHash)) {
            return FlowOutcome.of(FlowOutcome.Kind.OTHER_BROWSER);
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
        entity.reference = flow.reference;
        entity.printerName = c.printerName();
        entity.relayUrl = c.relayUrl().toString();
        entity.userPrinterAccessUrl =
                c.userPrinterAccessUrl().map(URI::toString).orElse(null);
        entity.lastKnownLocalIp = c.lastKnownLocalIp().orElse(null);
        entity.state = ConnectionState.UNKNOWN;
        entity.createdAt = now;
        entity.stateChangedAt = now;
        entity.flowHash = hash;
        SecretKeyRing ring = keys.ring();
        entity.keyId = ring.activeId();
        entity.sealedSecrets = SecretBox.seal(c.secrets(), c.id(), ring.activeId(), ring.active());
        entity.hasOctoPrintApiKey = c.secrets().octoPrintApiKey().isPresent();
        em.persist(entity);
        em.flush();
        return new FlowOutcome(FlowOutcome.Kind.STORED, Optional.of(toApi(entity)));
    }

    /**
     * Deletes at most {@code limit} portal flows that expired before {@code expiredBefore}, oldest first; returns how
     * many.
     */
    public int purgeExpiredFlows(Instant expiredBefore, int limit) {
        List<String> expired = em.createQuery(
                        "select f.stateHash from PortalFlowEntity f where f.expiresAt < :before"
                                + " order by f.expiresAt",
                        String.class)
                .setParameter("before", expiredBefore)
                .setMaxResults(limit)
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from PortalFlowEntity f where f.stateHash in :expired")
                .setParameter("expired", expired)
                .executeUpdate();
    }

    public List<AppConnection> list() {
        return em
                .createQuery("select c from ConnectionEntity c order by c.createdAt desc, c.id", ConnectionEntity.class)
                .getResultList()
                .stream()
                .map(ConnectionStore::toApi)
                .toList();
    }

    public List<AppConnection> listByOwner(String owner) {
        return em
                .createQuery(
                        "select c from ConnectionEntity c where c.owner = :owner order by c.createdAt desc, c.id",
                        ConnectionEntity.class)
                .setParameter("owner", owner)
                .getResultList()
                .stream()
                .map(ConnectionStore::toApi)
                .toList();
    }

    public Optional<AppConnection> find(String id) {
        return Optional.ofNullable(em.find(ConnectionEntity.class, id)).map(ConnectionStore::toApi);
    }

    /** The connection and its secrets from one read of its row. */
    public Optional<StoredConnection> findWithSecrets(String id) {
        return Optional.ofNullable(em.find(ConnectionEntity.class, id))
                .map(e -> new StoredConnection(toApi(e), open(e)));
    }

    /** How many connections are in each state (states without one are left out). */
    public java.util.Map<ConnectionState, Long> countByState() {
        java.util.Map<ConnectionState, Long> counts = new java.util.EnumMap<>(ConnectionState.class);
        for (Object[] row : em.createQuery(
                        "select c.state, count(c) from ConnectionEntity c group by c.state", Object[].class)
                .getResultList()) {
            counts.put((ConnectionState) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Every connection's id, in id order. */
    public List<String> ids() {
        return em.createQuery("select c.id from ConnectionEntity c order by c.id", String.class)
                .getResultList();
    }

    /**
     * Takes the printer's name and LAN address from an Info answer (an absent or oversized value keeps the stored
     * one). Returns whether the LAN address changed.
     */
    public boolean updateFromInfo(String id, Optional<String> printerName, Optional<String> localIp) {
        ConnectionEntity entity = em.find(ConnectionEntity.class, id);
        if (entity == null) {
            return false;
        }
        String name = printerName
                .filter(n -> n.length() <= ConnectionEntity.NAME_LENGTH)
                .orElse(entity.printerName);
        Optional<String> ip = localIp.filter(a -> a.length() <= ConnectionEntity.LAN_ADDRESS_LENGTH);
        boolean newAddress = ip.isPresent() && !ip.get().equals(entity.lastKnownLocalIp);
        if (newAddress || !name.equals(entity.printerName)) {
            entity.learned(name, ip.orElse(entity.lastKnownLocalIp));
            changed.fire(new ConnectionChanged(id));
        }
        return newAddress;
    }

    /**
     * Seals the connection's secrets again, with {@code octoPrintApiKey} in place of the stored one, under the active
     * key. Returns whether the connection exists.
     *
     * @throws SecretsUnreadableException when the stored secrets cannot be opened (their key is gone)
     */
    public boolean replaceOctoPrintApiKey(String id, String octoPrintApiKey) {
        ConnectionEntity entity = em.find(ConnectionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            return false;
        }
        ConnectionSecrets old = open(entity);
        ConnectionSecrets replaced = new ConnectionSecrets(
                old.basicUser(),
                old.basicPassword(),
                old.bearerToken(),
                old.appApiToken(),
                Optional.of(octoPrintApiKey));
        SecretKeyRing ring = keys.ring();
        entity.replaceSecrets(
                SecretBox.seal(replaced, entity.id, ring.activeId(), ring.active()), ring.activeId(), true);
        changed.fire(new ConnectionChanged(id));
        return true;
    }

    /** What runs the connection's printer, when it was learned. */
    public Optional<dev.printfarm.appconnection.api.PrinterPlatform> platformOf(String id) {
        ConnectionEntity e = em.find(ConnectionEntity.class, id);
        return e == null || e.platform == null
                ? Optional.empty()
                : Optional.of(dev.printfarm.appconnection.api.PrinterPlatform.valueOf(e.platform));
    }

    /** Remembers what runs the connection's printer; false when the connection is gone. */
    public boolean rememberPlatform(String id, dev.printfarm.appconnection.api.PrinterPlatform platform) {
        // One UPDATE, no read first: a read lock upgraded to a write lock deadlocks with other writers of the row.
        return em.createQuery("update ConnectionEntity c set c.platform = :platform where c.id = :id")
                        .setParameter("platform", platform.name())
                        .setParameter("id", id)
                        .executeUpdate()
                == 1;
    }

    /** Which key a row's secrets are sealed with. */
    public Optional<String> keyIdOf(String id) {
        return Optional.ofNullable(em.find(ConnectionEntity.class, id)).map(e -> e.keyId);
    }

    /** Deletes the connection here (OctoEverywhere is not told). Returns whether it existed. */
    public boolean remove(String id) {
        ConnectionEntity entity = em.find(ConnectionEntity.class, id);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        changed.fire(new ConnectionChanged(id));
        return true;
    }

    /** Ids of the rows whose secrets are not sealed with the active key, at most {@code limit}, after {@code afterId}. */
    public List<String> idsNotUnderActiveKey(String afterId, int limit) {
        return em.createQuery(
                        "select c.id from ConnectionEntity c where c.keyId <> :active and c.id > :after order by c.id",
                        String.class)
                .setParameter("active", keys.ring().activeId())
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Re-seals the given rows with the active key, in one transaction. */
    public RotationBatch reencrypt(List<String> ids) {
        SecretKeyRing ring = keys.ring();
        int done = 0;
        int unreadable = 0;
        for (String id : ids) {
            ConnectionEntity entity = em.find(ConnectionEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity == null || entity.keyId.equals(ring.activeId())) {
                continue;
            }
            ConnectionSecrets secrets;
            try {
                secrets = open(entity);
            } catch (SecretsUnreadableException e) {
                unreadable++;
                continue;
            }
            entity.reseal(SecretBox.seal(secrets, entity.id, ring.activeId(), ring.active()), ring.activeId());
            changed.fire(new ConnectionChanged(id));
            done++;
        }
        return new RotationBatch(done, unreadable);
    }

    private ConnectionSecrets open(ConnectionEntity e) {
        var key = keys.ring().key(e.keyId).orElseThrow(() -> new SecretsUnreadableException(e.id, e.keyId));
        return SecretBox.open(e.sealedSecrets, e.id, e.keyId, key);
    }

    /** Records what was learned about a connection; returns whether the state changed. */
    public boolean markState(String id, ConnectionState state) {
        ConnectionEntity entity = em.find(ConnectionEntity.class, id);
        if (entity == null || !entity.changeState(state, clock.instant())) {
            return false;
        }
        changed.fire(new ConnectionChanged(id));
        return true;
    }

    private static AppConnection toApi(ConnectionEntity e) {
        return new AppConnection(
                e.id,
                e.owner,
                e.printerName,
                URI.create(e.relayUrl),
                Optional.ofNullable(e.userPrinterAccessUrl).map(URI::create),
                Optional.ofNullable(e.lastKnownLocalIp),
                e.state,
                e.createdAt,
                e.hasOctoPrintApiKey,
                Optional.ofNullable(e.reference));
    }
}
