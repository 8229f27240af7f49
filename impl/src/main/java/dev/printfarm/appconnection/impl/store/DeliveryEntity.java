package dev.printfarm.appconnection.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** A webhook delivery already handled, by the fingerprint of its connection and body: a retry of it fires nothing. */
@Entity
@Table(name = "APPCONN_WEBHOOK_DELIVERY", indexes = @Index(name = "APPCONN_DELIVERY_AT", columnList = "RECEIVED_AT"))
public class DeliveryEntity {

    @Id
    @Column(name = "DIGEST", length = 64)
    String digest;

    @Column(name = "CONNECTION_ID", length = 128, nullable = false)
    String connectionId;

    @Column(name = "RECEIVED_AT", nullable = false)
    Instant receivedAt;
}
