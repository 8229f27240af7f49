package dev.printfarm.appconnection.sandbox.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Live Links created so far, in memory, thread-safe; {@code Url} is {@code <base>/live/<LiveId>}, {@code ShortUrl}
 * {@code <base>/l/<LiveId>}.
 */
@ApplicationScoped
public class LiveLinks {

    static final int ID_LENGTH = 12;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveLink> byId = new LinkedHashMap<>();

    public synchronized LiveLink create(
            String connectionId,
            String printerId,
            LiveLinkOptions options,
            Optional<String> printId,
            Instant now,
            String base) {
        String liveId = newId();
        LiveLink link = new LiveLink(
                liveId,
                connectionId,
                printerId,
                options.expirationHours(),
                options.endWhenCurrentPrintIsComplete(),
                printId,
                now,
                url(base, liveId),
                shortUrl(base, liveId));
        byId.put(liveId, link);
        return link;
    }

    public synchronized Optional<LiveLink> find(String liveId) {
        return Optional.ofNullable(byId.get(liveId));
    }

    /** In the order they were created. */
    public synchronized List<LiveLink> all() {
        return List.copyOf(byId.values());
    }

    public synchronized void clear() {
        byId.clear();
    }

    public static String url(String base, String liveId) {
        return base + "/live/" + liveId;
    }

    public static String shortUrl(String base, String liveId) {
        return base + "/l/" + liveId;
    }

    private String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
