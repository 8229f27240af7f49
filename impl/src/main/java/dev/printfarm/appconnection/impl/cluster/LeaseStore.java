package dev.printfarm.appconnection.impl.cluster;

import dev.printfarm.appconnection.impl.store.StoreUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Leases in the shared database; each method is one short transaction that locks the lease's row. */
@ApplicationScoped
@Transactional
public class LeaseStore {

    @PersistenceContext(unitName = StoreUnit.NAME)
    EntityManager em;

    /** What a lease row says. */
    public record Lease(String name, String holder, Instant acquiredAt, Instant expiresAt) {}

    /**
     * Takes or renews the lease for {@code holder} when it is free, expired, or already its own; returns whether
     * {@code holder} holds it now. Two servers creating the same new lease at once: one insert fails, its transaction
     * rolls back and the caller sees an exception (it then simply does not hold the lease).
     */
    public boolean claim(String name, String holder, Instant now, Duration ttl) {
        LeaseEntity lease = em.find(LeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lease == null) {
            lease = new LeaseEntity();
            lease.name = name;
            lease.holder = holder;
            lease.acquiredAt = now;
            lease.expiresAt = now.plus(ttl);
            em.persist(lease);
            em.flush();
            return true;
        }
        if (lease.holder.equals(holder) || !now.isBefore(lease.expiresAt)) {
            lease.heldBy(holder, now, now.plus(ttl));
            return true;
        }
        return false;
    }

    /** Lets the lease go at once when {@code holder} has it (a server that stops cleanly hands over without delay). */
    public void release(String name, String holder, Instant now) {
        LeaseEntity lease = em.find(LeaseEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (lease != null && lease.holder.equals(holder)) {
            lease.expire(now);
        }
    }

    public Optional<Lease> find(String name) {
        return Optional.ofNullable(em.find(LeaseEntity.class, name))
                .map(l -> new Lease(l.name, l.holder, l.acquiredAt, l.expiresAt));
    }
}
