package dev.printfarm.appconnection.impl.store;

import dev.printfarm.appconnection.api.ConnectionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored App Connection. Not exposed outside the store. */
@Entity
@Table(name = "APPCONN_CONNECTION")
public class ConnectionEntity {

    static final int NAME_LENGTH = 512;
    static final int LAN_ADDRESS_LENGTH = 255;

    @Id
    @Column(name = "ID", length = 128)
    String id;

    @Column(name = "OWNER_KEY", length = 200, nullable = false)
    String owner;

    @Column(name = "PRINTER_NAME", length = NAME_LENGTH, nullable = false)
    String printerName;

    @Column(name = "RELAY_URL", length = 2048, nullable = false)
    String relayUrl;

    @Column(name = "USER_PRINTER_URL", length = 2048)
    String userPrinterAccessUrl;

    @Column(name = "LAN_ADDRESS", length = LAN_ADDRESS_LENGTH)
    String lastKnownLocalIp;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 32, nullable = false)
    ConnectionState state;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "STATE_CHANGED_AT", nullable = false)
    Instant stateChangedAt;

    /** Fingerprint of the portal flow that created the connection; tells a browser refresh from a replay. */
    @Column(name = "FLOW_HASH", length = 64, nullable = false)
    String flowHash;

    /** The connection's secrets, sealed by {@link SecretBox} with the key {@link #keyId}. */
    @Column(name = "SECRETS", length = 8192, nullable = false)
    String sealedSecrets;

    @Column(name = "KEY_ID", length = 64, nullable = false)
    String keyId;

    /** Kept outside the sealed value so listing connections never needs a key. */
    @Column(name = "HAS_OCTOPRINT_KEY", nullable = false)
    boolean hasOctoPrintApiKey;

    /** The application's value from {@code PortalRequest.withReference}, copied from the flow. */
    @Column(name = "APP_REFERENCE", length = 200)
    String reference;

    /** What runs the printer ({@code PrinterPlatform} name), once learned; null until then. Written by a bulk update. */
    @Column(name = "PLATFORM", length = 20)
    String platform;

    /**
     * Mutations go through methods of the entity itself: EclipseLink's woven change tracking does not see
     * field writes made from other classes, and such a change would silently never be written.
     */
    boolean changeState(ConnectionState newState, Instant at) {
        if (state == newState) {
            return false;
        }
        state = newState;
        stateChangedAt = at;
        return true;
    }

    /** See {@link WebhookEntity}: fields change only inside the entity, or EclipseLink does not save the change. */
    void learned(String name, String localIp) {
        printerName = name;
        lastKnownLocalIp = localIp;
    }

    void reseal(String sealed, String newKeyId) {
        sealedSecrets = sealed;
        keyId = newKeyId;
    }

    void replaceSecrets(String sealed, String newKeyId, boolean withOctoPrintApiKey) {
        sealedSecrets = sealed;
        keyId = newKeyId;
        hasOctoPrintApiKey = withOctoPrintApiKey;
    }
}
