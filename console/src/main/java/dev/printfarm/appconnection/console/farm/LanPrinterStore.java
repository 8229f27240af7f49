package dev.printfarm.appconnection.console.farm;

import dev.printfarm.appconnection.api.PrinterDiscovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The console's LAN printer records; every public method is one transaction. */
@ApplicationScoped
@Transactional
public class LanPrinterStore {

    @PersistenceContext(unitName = "console")
    EntityManager em;

    public LanPrinter add(
            String id, String farm, String name, URI lanUrl, String sealedApiKey, PrinterDiscovery found) {
        var entity = new LanPrinterEntity();
        entity.id = id;
        entity.farm = farm;
        entity.name = name;
        entity.lanUrl = lanUrl.toString();
        entity.sealedApiKey = sealedApiKey;
        entity.createdAt = Instant.now().toEpochMilli();
        entity.discovered(
                found.outcome().name(),
                clip(found.detail()),
                found.printerId().orElse(null),
                found.pluginVersion().orElse(null));
        em.persist(entity);
        return view(entity);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LanPrinter> list(String farm) {
        return em
                .createQuery(
                        "select p from LanPrinterEntity p where p.farm = :farm order by p.createdAt desc, p.id",
                        LanPrinterEntity.class)
                .setParameter("farm", farm)
                .getResultList()
                .stream()
                .map(LanPrinterStore::view)
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LanPrinter> find(String farm, String id) {
        return Optional.ofNullable(em.find(LanPrinterEntity.class, id))
                .filter(p -> p.farm.equals(farm))
                .map(LanPrinterStore::view);
    }

    /** The sealed API key of a record (any farm: the caller checked it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> sealedApiKey(String id) {
        return Optional.ofNullable(em.find(LanPrinterEntity.class, id)).map(p -> p.sealedApiKey);
    }

    public Optional<LanPrinter> rediscovered(String id, PrinterDiscovery found) {
        LanPrinterEntity entity = em.find(LanPrinterEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        entity.discovered(
                found.outcome().name(),
                clip(found.detail()),
                found.printerId().orElse(null),
                found.pluginVersion().orElse(null));
        return Optional.of(view(entity));
    }

    /** Ties the record to an App Connection, or unties it with {@code null}. */
    public Optional<LanPrinter> attach(String id, String connectionId) {
        LanPrinterEntity entity = em.find(LanPrinterEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        entity.attach(connectionId);
        return Optional.of(view(entity));
    }

    /** Unties every record from a connection that is gone. */
    public void detachAll(String connectionId) {
        em.createQuery("select p from LanPrinterEntity p where p.connectionId = :c", LanPrinterEntity.class)
                .setParameter("c", connectionId)
                .getResultList()
                .forEach(p -> p.attach(null));
    }

    public boolean remove(String farm, String id) {
        LanPrinterEntity entity = em.find(LanPrinterEntity.class, id);
        if (entity == null || !entity.farm.equals(farm)) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    private static String clip(String detail) {
        return detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }

    private static LanPrinter view(LanPrinterEntity e) {
        PrinterDiscovery discovery = new PrinterDiscovery(
                PrinterDiscovery.Outcome.valueOf(e.discovery),
                Optional.ofNullable(e.printerId),
                Optional.ofNullable(e.pluginVersion),
                e.discoveryDetail);
        return new LanPrinter(
                e.id,
                e.name,
                URI.create(e.lanUrl),
                discovery,
                Optional.ofNullable(e.connectionId),
                Instant.ofEpochMilli(e.createdAt));
    }
}
