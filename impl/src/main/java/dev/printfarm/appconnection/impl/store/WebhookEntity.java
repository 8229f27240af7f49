package dev.printfarm.appconnection.impl.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A connection's webhook registration. The receiver URL's token is kept only as its SHA-256 fingerprint: a renewal
 * registers a new token, so the token itself is never needed again. A token being registered is already accepted
 * (pending), so that a delivery racing the registration's commit is not refused; the replaced one stays accepted for
 * a grace period.
 * <p>
 * Changes go through the entity's own methods: EclipseLink's woven change tracking does not see fields assigned from
 * other classes, and such changes would silently not be saved.
 */
@Entity
@Table(
        name = "APPCONN_WEBHOOK",
        indexes = {
            @Index(name = "APPCONN_WEBHOOK_TOKEN", columnList = "TOKEN_HASH"),
            @Index(name = "APPCONN_WEBHOOK_PENDING", columnList = "PENDING_TOKEN_HASH"),
            @Index(name = "APPCONN_WEBHOOK_PREVIOUS", columnList = "PREVIOUS_TOKEN_HASH"),
            @Index(name = "APPCONN_WEBHOOK_RENEW", columnList = "RENEW_AT")
        })
public class WebhookEntity {

    @Id
    @Column(name = "CONNECTION_ID", length = 128)
    String connectionId;

    /** Null until a first registration completes. */
    @Column(name = "TOKEN_HASH", length = 64)
    String tokenHash;

    @Column(name = "PENDING_TOKEN_HASH", length = 64)
    String pendingTokenHash;

    @Column(name = "PREVIOUS_TOKEN_HASH", length = 64)
    String previousTokenHash;

    @Column(name = "PREVIOUS_VALID_UNTIL")
    Instant previousValidUntil;

    /** The receiver's URL without its token, so a renewal from any server points at the same place. */
    @Column(name = "RECEIVER_URL", length = 2048, nullable = false)
    String receiverUrl;

    /** Event type numbers, comma-separated; empty for every type. */
    @Column(name = "EVENT_FILTER", length = 512, nullable = false)
    String eventFilter;

    /** Null until a first registration completes. */
    @Column(name = "REGISTERED_AT")
    Instant registeredAt;

    @Column(name = "RENEW_AT")
    Instant renewAt;

    boolean registered() {
        return tokenHash != null && registeredAt != null && renewAt != null;
    }

    /**
     * Whether a delivery with this token is accepted now: the current token while OctoEverywhere can still be using
     * it (its registration is younger than {@code lifetime}), a pending one, and the previous one until its grace ends.
     */
    boolean accepts(String hash, Instant now, Duration lifetime) {
        return hash != null
                && (hash.equals(pendingTokenHash)
                        || (hash.equals(tokenHash) && registeredAt != null && now.isBefore(registeredAt.plus(lifetime)))
                        || (hash.equals(previousTokenHash)
                                && previousValidUntil != null
                                && now.isBefore(previousValidUntil)));
    }

    /** Whether the token is the newest one: the current or the pending one, the last of this row's to be retired. */
    boolean newest(String hash) {
        return hash != null && (hash.equals(tokenHash) || hash.equals(pendingTokenHash));
    }

    void registering(String pendingHash, String receiver, String filter) {
        pendingTokenHash = pendingHash;
        if (!registered()) {
            receiverUrl = receiver;
            eventFilter = filter;
        }
    }

    /** The pending token becomes the current one; returns the token this retires at once (an older previous one). */
    Optional<String> registered(String receiver, String filter, Instant at, Instant renewal, Instant previousUntil) {
        Optional<String> retired = Optional.empty();
        if (tokenHash != null) {
            retired = Optional.ofNullable(previousTokenHash);
            previousTokenHash = tokenHash;
            previousValidUntil = previousUntil;
        }
        tokenHash = pendingTokenHash;
        pendingTokenHash = null;
        receiverUrl = receiver;
        eventFilter = filter;
        registeredAt = at;
        renewAt = renewal;
        return retired;
    }

    /** Returns the abandoned pending token. */
    Optional<String> abandoned() {
        Optional<String> abandoned = Optional.ofNullable(pendingTokenHash);
        pendingTokenHash = null;
        return abandoned;
    }

    /** The previous token once its grace is over: it is forgotten and returned, so its deliveries can go too. */
    Optional<String> retirePrevious(Instant now) {
        if (previousTokenHash == null || (previousValidUntil != null && now.isBefore(previousValidUntil))) {
            return Optional.empty();
        }
        Optional<String> retired = Optional.of(previousTokenHash);
        previousTokenHash = null;
        previousValidUntil = null;
        return retired;
    }
}
