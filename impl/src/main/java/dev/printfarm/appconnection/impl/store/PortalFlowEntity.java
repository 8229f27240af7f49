package dev.printfarm.appconnection.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A started portal flow: the fingerprint of its one-time state, the fingerprint of the cookie that binds it to the
 * browser that started it, who it is for, and whether it was used.
 */
@Entity
@Table(name = "APPCONN_PORTAL_FLOW")
public class PortalFlowEntity {

    @Id
    @Column(name = "STATE_HASH", length = 64)
    String stateHash;

    /** Null for flows started before flows were bound to a browser: those complete nowhere. */
    @Column(name = "BROWSER_HASH", length = 64)
    String browserHash;

    @Column(name = "OWNER_KEY", length = 200, nullable = false)
    String owner;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    Instant expiresAt;

    @Column(name = "USED_AT")
    Instant usedAt;

    /** The application's value from {@code PortalRequest.withReference}, for the connection the flow creates. */
    @Column(name = "APP_REFERENCE", length = 200)
    String reference;

    /** See {@link ConnectionEntity#changeState}: mutations happen inside the entity. */
    void markUsed(Instant at) {
        usedAt = at;
    }
}
