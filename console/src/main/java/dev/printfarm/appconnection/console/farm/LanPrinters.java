package dev.printfarm.appconnection.console.farm;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.event.ConnectionCreated;
import dev.printfarm.appconnection.api.event.ConnectionRemoved;
import dev.printfarm.appconnection.api.spi.SecretSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Printers the farm already reaches on its LAN: added by address with their OctoPrint API key, asked for their
 * OctoEverywhere printer id right away, and given remote access through the portal with that printer preselected.
 * The App Connection the portal makes is tied back to the record ({@link #REFERENCE_PREFIX} + record id as the flow's
 * reference), and gets the record's API key when the portal generated none.
 */
@ApplicationScoped
public class LanPrinters {

    private static final Logger LOG = Logger.getLogger(LanPrinters.class.getName());
    /** How a portal flow started for a LAN printer names it in {@code PortalRequest.withReference}. */
    public static final String REFERENCE_PREFIX = "lan-printer:";

    @Inject
    LanPrinterStore store;

    @Inject
    SecretSealer sealer;

    @Inject
    AppConnectionService connections;

    /**
     * Adds a printer by its LAN address and asks its OctoEverywhere plugin for the printer id.
     *
     * @throws IllegalArgumentException for a blank or long name, an address that is not an http(s) URL, or no API key
     */
    public LanPrinter add(String farm, String name, String url, String apiKey) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            throw new IllegalArgumentException("name: 1-200 characters");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException(
                    "apiKey: the printer's OctoPrint API key (OctoPrint > Settings > Application Keys)");
        }
        URI lanUrl = lanUrl(url);
        PrinterDiscovery found = connections.discoverPrinter(lanUrl, Optional.of(apiKey.strip()));
        String id = UUID.randomUUID().toString();
        LanPrinter added = store.add(id, farm, cleanName, lanUrl, sealer.seal(apiKey.strip(), context(id)), found);
        LOG.info(() -> "LAN printer " + id + " added for farm " + farm + ": " + found.outcome());
        return added;
    }

    public List<LanPrinter> list(String farm) {
        return store.list(farm);
    }

    public Optional<LanPrinter> find(String farm, String id) {
        return store.find(farm, id);
    }

    /** Asks the printer's plugin again (e.g. after the operator installed it). */
    public Optional<LanPrinter> discoverAgain(String farm, String id) {
        Optional<LanPrinter> printer = store.find(farm, id);
        if (printer.isEmpty()) {
            return printer;
        }
        PrinterDiscovery found = connections.discoverPrinter(printer.get().lanUrl(), Optional.of(apiKey(id)));
        return store.rediscovered(id, found);
    }

    public boolean remove(String farm, String id) {
        return store.remove(farm, id);
    }

    /** The portal reference of a record. */
    public static String reference(String id) {
        return REFERENCE_PREFIX + id;
    }

    void connected(@Observes ConnectionCreated created) {
        AppConnection connection = created.connection();
        Optional<String> recordId = connection
                .reference()
                .filter(r -> r.startsWith(REFERENCE_PREFIX))
                .map(r -> r.substring(REFERENCE_PREFIX.length()));
        // Only a record of the connection's own farm: another owner's flow naming one gets neither it nor its key.
        if (recordId.isEmpty() || store.find(connection.owner(), recordId.get()).isEmpty()) {
            return;
        }
        try {
            if (store.attach(recordId.get(), connection.id()).isEmpty()) {
                return;
            }
            if (!connection.hasOctoPrintApiKey()) {
                connections.setOctoPrintApiKey(connection.id(), apiKey(recordId.get()));
            }
            LOG.info(() ->
                    "App Connection " + connection.id() + " gives LAN printer " + recordId.get() + " remote access");
        } catch (RuntimeException e) {
            // The connection is stored whatever happens here; the operator can paste the key on its card.
            LOG.log(
                    Level.WARNING,
                    "App Connection " + connection.id() + " could not be tied to LAN printer " + recordId.get() + ": "
                            + e.getClass().getSimpleName(),
                    e instanceof AppConnectionException ? null : e);
        }
    }

    void removed(@Observes ConnectionRemoved removed) {
        store.detachAll(removed.connectionId());
    }

    private String apiKey(String id) {
        return sealer.open(store.sealedApiKey(id).orElseThrow(), context(id));
    }

    private static String context(String id) {
        return "console/lan-printer/" + id;
    }

    private static URI lanUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: the printer's address on the LAN, e.g. http://192.168.1.50");
        }
        String text = url.strip();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null
                    || uri.getUserInfo() != null
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(
                        "url: an http(s) address without user name, e.g. http://192.168.1.50");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: not an address (" + e.getReason() + ")");
        }
    }
}
