package dev.printfarm.appconnection.impl.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhook registrations and the deliveries already handled, in the application's database. One transaction each. A
 * delivery is remembered for as long as a token that delivered it is accepted, and forgotten when that token is
 * retired: a replay with an accepted token is a repeat, a replay with a retired one is refused at the door.
 */
@ApplicationScoped
@Transactional
public class WebhookStore {

    @PersistenceContext(unitName = StoreUnit.NAME)
    EntityManager em;

    /** The completed registration, if any. */
    public Optional<StoredWebhook> find(String connectionId) {
        return Optional.ofNullable(em.find(WebhookEntity.class, connectionId))
                .filter(WebhookEntity::registered)
                .map(WebhookStore::toStored);
    }

    /** Accepts {@code pendingHash} from now on, before OctoEverywhere is told about it. */
    public void registering(String connectionId, String pendingHash, URI receiverUrl, Set<Integer> eventTypes) {
        WebhookEntity entity = em.find(WebhookEntity.class, connectionId);
        String filter = filter(eventTypes);
        if (entity != null) {
            entity.registering(pendingHash, receiverUrl.toString(), filter);
            return;
        }
        entity = new WebhookEntity();
        entity.connectionId = connectionId;
        entity.registering(pendingHash, receiverUrl.toString(), filter);
        em.persist(entity);
    }

    /**
     * OctoEverywhere accepted the pending token: it becomes the current one; the one it replaces stays accepted until
     * {@code previousValidUntil}, for deliveries already on their way. False when the pending token was replaced by
     * another registration meanwhile.
     */
    public boolean registered(
            String connectionId,
            String pendingHash,
            URI receiverUrl,
            Set<Integer> eventTypes,
            Instant registeredAt,
            Instant renewAt,
            Instant previousValidUntil) {
        WebhookEntity entity = em.find(WebhookEntity.class, connectionId);
        if (entity == null || !pendingHash.equals(entity.pendingTokenHash)) {
            return false;
        }
        entity.registered(receiverUrl.toString(), filter(eventTypes), registeredAt, renewAt, previousValidUntil)
                .ifPresent(retired -> forgetDeliveries(connectionId, retired));
        return true;
    }

    /** OctoEverywhere did not take the pending token: it is refused again (a first registration leaves no row). */
    public void abandoned(String connectionId, String pendingHash) {
        WebhookEntity entity = em.find(WebhookEntity.class, connectionId);
        if (entity == null || !pendingHash.equals(entity.pendingTokenHash)) {
            return;
        }
        if (entity.registered()) {
            entity.abandoned();
        } else {
            em.remove(entity);
        }
        forgetDeliveries(connectionId, pendingHash);
    }

    /**
     * Test and migration aid: a completed registration for {@code tokenHash}, as if OctoEverywhere had accepted it.
     */
    public void save(
            String connectionId,
            String tokenHash,
            URI receiverUrl,
            Set<Integer> eventTypes,
            Instant registeredAt,
            Instant renewAt,
            Instant previousValidUntil) {
        registering(connectionId, tokenHash, receiverUrl, eventTypes);
        em.flush();
        registered(connectionId, tokenHash, receiverUrl, eventTypes, registeredAt, renewAt, previousValidUntil);
    }

    /**
     * The connection whose receiver token has this fingerprint (current while OctoEverywhere may still use it, pending,
     * or the previous one while it is still accepted). The final comparison takes the same time wherever the
     * fingerprints differ.
     */
    public Optional<String> connectionForToken(String tokenHash, Instant now) {
        List<WebhookEntity> found = em.createQuery(
                        "select w from WebhookEntity w where w.tokenHash = :h"
                                + " or w.pendingTokenHash = :h"
                                + " or (w.previousTokenHash = :h and w.previousValidUntil > :now)",
                        WebhookEntity.class)
                .setParameter("h", tokenHash)
                .setParameter("now", now)
                .setMaxResults(2)
                .getResultList();
        byte[] wanted = tokenHash.getBytes(StandardCharsets.US_ASCII);
        for (WebhookEntity w : found) {
            if ((same(wanted, w.tokenHash) | same(wanted, w.pendingTokenHash) | same(wanted, w.previousTokenHash))
                    && w.accepts(tokenHash, now, StoredWebhook.LIFETIME)) {
                return Optional.of(w.connectionId);
            }
        }
        return Optional.empty();
    }

    private static boolean same(byte[] wanted, String stored) {
        return stored != null && MessageDigest.isEqual(wanted, stored.getBytes(StandardCharsets.US_ASCII));
    }

    private static String filter(Set<Integer> eventTypes) {
        return eventTypes.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Forgets the registration and its deliveries; its tokens are refused from now on. Returns whether there was one. */
    public boolean delete(String connectionId) {
        em.createQuery("delete from DeliveryEntity d where d.connectionId = :c")
                .setParameter("c", connectionId)
                .executeUpdate();
        WebhookEntity entity = em.find(WebhookEntity.class, connectionId);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    /** Connections whose registration is due for renewal at {@code now}, oldest due first, at most {@code limit}. */
    public List<String> dueForRenewal(Instant now, int limit) {
        return em.createQuery(
                        "select w.connectionId from WebhookEntity w where w.renewAt <= :now order by w.renewAt",
                        String.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Notes a delivery by the token with fingerprint {@code tokenHash} as handled; false when it was handled before (a
     * repeat that came with a newer token is then kept under that one, which is retired last). Its own transaction,
     * so that a concurrent twin delivery on another server fails here (primary key) rather than firing twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstDelivery(String digest, String connectionId, String tokenHash, Instant now) {
        DeliveryEntity seen = em.find(DeliveryEntity.class, digest);
        if (seen != null) {
            if (!tokenHash.equals(seen.tokenHash)) {
                WebhookEntity webhook = em.find(WebhookEntity.class, connectionId);
                if (webhook != null && webhook.newest(tokenHash)) {
                    seen.deliveredBy(tokenHash);
                }
            }
            return false;
        }
        DeliveryEntity delivery = new DeliveryEntity();
        delivery.digest = digest;
        delivery.connectionId = connectionId;
        delivery.receivedAt = now;
        delivery.tokenHash = tokenHash;
        em.persist(delivery);
        em.flush();
        return true;
    }

    /** Forgets a delivery whose handling failed, so that OctoEverywhere's retry is handled again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetDelivery(String digest) {
        DeliveryEntity delivery = em.find(DeliveryEntity.class, digest);
        if (delivery != null) {
            em.remove(delivery);
        }
    }

    /**
     * Retires the previous tokens whose grace ended by {@code now} (at most {@code limit} registrations) and forgets the
     * deliveries they made, with the deliveries stored before tokens were kept that came before the current
     * registration. Those older than any token can be accepted ({@code legacyBefore}) go too. Returns how many went.
     */
    public int retireTokens(Instant now, Instant legacyBefore, int limit) {
        int forgotten = 0;
        for (WebhookEntity webhook : em.createQuery(
                        "select w from WebhookEntity w where w.previousTokenHash is not null"
                                + " and w.previousValidUntil <= :now",
                        WebhookEntity.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList()) {
            Optional<String> retired = webhook.retirePrevious(now);
            if (retired.isPresent()) {
                forgotten += forgetDeliveries(webhook.connectionId, retired.get());
                forgotten += em.createQuery("delete from DeliveryEntity d where d.connectionId = :c"
                                + " and d.tokenHash is null and d.receivedAt < :registered")
                        .setParameter("c", webhook.connectionId)
                        .setParameter("registered", webhook.registeredAt)
                        .executeUpdate();
            }
        }
        return forgotten
                + em.createQuery("delete from DeliveryEntity d where d.tokenHash is null"
                                + " and d.receivedAt < :before")
                        .setParameter("before", legacyBefore)
                        .executeUpdate();
    }

    /** Forgets the deliveries a retired token made: a replay with it is refused before any lookup. */
    private int forgetDeliveries(String connectionId, String retiredTokenHash) {
        return em.createQuery("delete from DeliveryEntity d where d.connectionId = :c and d.tokenHash = :h")
                .setParameter("c", connectionId)
                .setParameter("h", retiredTokenHash)
                .executeUpdate();
    }

    private static StoredWebhook toStored(WebhookEntity e) {
        Set<Integer> types = e.eventFilter.isEmpty()
                ? Set.of()
                : Arrays.stream(e.eventFilter.split(",")).map(Integer::valueOf).collect(Collectors.toSet());
        return new StoredWebhook(e.connectionId, URI.create(e.receiverUrl), types, e.registeredAt, e.renewAt);
    }
}
