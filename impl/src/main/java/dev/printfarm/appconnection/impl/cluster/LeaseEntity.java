package dev.printfarm.appconnection.impl.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Who runs one piece of background work for the whole cluster, and until when. Fields change only through the
 * entity's methods (EclipseLink's change tracking sees nothing else).
 */
@Entity
@Table(name = "APPCONN_LEASE")
public class LeaseEntity {

    @Id
    @Column(name = "NAME", length = 100)
    String name;

    @Column(name = "HOLDER", length = 200, nullable = false)
    String holder;

    @Column(name = "ACQUIRED_AT", nullable = false)
    Instant acquiredAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    Instant expiresAt;

    void heldBy(String newHolder, Instant now, Instant until) {
        if (!newHolder.equals(holder)) {
            holder = newHolder;
            acquiredAt = now;
        }
        expiresAt = until;
    }

    void expire(Instant now) {
        expiresAt = now;
    }
}
