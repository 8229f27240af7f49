package dev.printfarm.appconnection.impl.webhook;

import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.impl.internal.Secrets;
import dev.printfarm.appconnection.impl.json.UnreadableJsonException;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.metrics.ModuleMetrics;
import dev.printfarm.appconnection.impl.store.WebhookStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What the webhook receiver does with a delivery: authenticate the token, parse the payload, drop a repeat of a
 * delivery already handled, fire a {@link PrinterNotification}. The servlet around it only moves bytes.
 */
@ApplicationScoped
public class WebhookReceiver {

    /** A delivery body larger than this is refused; OctoEverywhere's payloads are a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());
    /** The shape of the tokens the module issues (32 random bytes, base64url): anything else is not looked up. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    WebhookStore store;

    @Inject
    Event<PrinterNotification> notifications;

    @Inject
    ModuleMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    /** The outcome of a delivery: the HTTP status to answer and, for a refusal of the body, why. */
    public record Outcome(int status, Optional<String> error) {
        static Outcome ok() {
            return new Outcome(200, Optional.empty());
        }

        static Outcome refused(int status, String why) {
            return new Outcome(status, Optional.of(why));
        }
    }

    /** Who sent a delivery: the connection, and the fingerprint of the token it came with (never printed). */
    public record Sender(String connectionId, String tokenHash) {
        @Override
        public String toString() {
            return "Sender[" + connectionId + "]";
        }
    }

    /** The connection the token belongs to; empty for a missing, malformed, unknown or retired token. */
    public Optional<Sender> authenticate(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        String hash = Secrets.fingerprint(token);
        return store.connectionForToken(hash, clock.instant()).map(id -> new Sender(id, hash));
    }

    /** Handles the body of an authenticated delivery. */
    public Outcome deliver(Sender sender, byte[] body) {
        String connectionId = sender.connectionId();
        OctoEverywhereNotification payload;
        try {
            payload = WireJson.read(body, OctoEverywhereNotification.class);
        } catch (UnreadableJsonException e) {
            return Outcome.refused(
                    400,
                    e.problem().equals(UnreadableJsonException.NOT_JSON)
                            ? "The notification body is not valid JSON"
                            : "The notification body must be a JSON object; it " + e.problem());
        }
        Instant now = clock.instant();
        PrinterNotification notification;
        try {
            notification = WebhookPayload.parse(connectionId, payload, now);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(400, "The notification cannot be used: " + e.getMessage());
        }
        String digest = digest(connectionId, body);
        boolean first;
        try {
            first = store.firstDelivery(digest, connectionId, sender.tokenHash(), now);
        } catch (RuntimeException concurrentTwin) {
            // The same delivery committed on another thread or server first (primary key).
            first = false;
        }
        if (!first) {
            LOG.fine(() -> "Repeated notification for connection " + connectionId + " ignored");
            metrics.webhookDelivery("duplicate");
            return Outcome.ok();
        }
        try {
            notifications.fire(notification);
        } catch (RuntimeException e) {
            // Let OctoEverywhere's retry try again rather than lose the notification.
            store.forgetDelivery(digest);
            LOG.log(Level.WARNING, "An observer of a notification for connection " + connectionId + " failed", e);
            return Outcome.refused(500, "The notification could not be handled; retry later");
        }
        metrics.webhookDelivery("fired");
        return Outcome.ok();
    }

    /** Counts a refused delivery by its status (fired and repeated ones are counted where they are told apart). */
    void counted(int status) {
        if (status != 200) {
            metrics.webhookDelivery(String.valueOf(status));
        }
    }

    /**
     * Retries repeat the same body to the same connection: that pair identifies a delivery (OctoEverywhere's payload
     * carries no delivery id), whichever of the connection's tokens it came with.
     */
    static String digest(String connectionId, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(connectionId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
