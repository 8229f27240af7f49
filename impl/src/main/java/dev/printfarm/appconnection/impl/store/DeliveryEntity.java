package dev.printfarm.appconnection.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A webhook delivery already handled, by the fingerprint of its connection and body: a retry or replay of it fires
 * nothing. Kept as long as the token that delivered it is accepted (after that a replay is refused anyway), under the
 * newest token that delivered it.
 */
@Entity
@Table(
        name = "APPCONN_WEBHOOK_DELIVERY",
        indexes = {
            @Index(name = "APPCONN_DELIVERY_AT", columnList = "RECEIVED_AT"),
            @Index(name = "APPCONN_DELIVERY_CONN", columnList = "CONNECTION_ID")
        })
public class DeliveryEntity {

    @Id
    @Column(name = "DIGEST", length = 64)
    String digest;

    @Column(name = "CONNECTION_ID", length = 128, nullable = false)
    String connectionId;

    @Column(name = "RECEIVED_AT", nullable = false)
    Instant receivedAt;

    /** The fingerprint of the token that delivered it; null for deliveries stored before tokens were kept. */
    @Column(name = "TOKEN_HASH", length = 64)
    String tokenHash;

    /** See {@link WebhookEntity}: fields change only inside the entity. */
    void deliveredBy(String newerTokenHash) {
        tokenHash = newerTokenHash;
    }
}
