package dev.printfarm.appconnection.impl.cluster;

import dev.printfarm.appconnection.impl.store.StoreUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shared items of {@link SharedEntity}; each method is one short transaction. */
@ApplicationScoped
@Transactional
public class SharedStore implements SharedItems {

    /** The longest payload a row holds. */
    public static final int MAX_PAYLOAD = 16000;

    @PersistenceContext(unitName = StoreUnit.NAME)
    EntityManager em;

    @Override
    public void write(String kind, Map<String, String> payloads, Instant at, String writer) {
        payloads.forEach((item, payload) -> {
            if (payload.length() > MAX_PAYLOAD) {
                throw new IllegalArgumentException("Shared " + kind + " item " + item + " is " + payload.length()
                        + " characters, more than " + MAX_PAYLOAD);
            }
            SharedEntity row = em.find(SharedEntity.class, SharedEntity.key(kind, item));
            if (row == null) {
                row = new SharedEntity();
                row.key = SharedEntity.key(kind, item);
                row.kind = kind;
                row.item = item;
                row.payload = payload;
                row.writtenAt = at;
                row.writer = writer;
                em.persist(row);
            } else {
                row.written(payload, at, writer);
            }
        });
    }

    @Override
    public List<Item> writtenSince(String kind, Instant since) {
        return em
                .createQuery(
                        "select s from SharedEntity s where s.kind = :kind and s.writtenAt >= :since"
                                + " order by s.writtenAt",
                        SharedEntity.class)
                .setParameter("kind", kind)
                .setParameter("since", since)
                .getResultList()
                .stream()
                .map(s -> new Item(s.item, s.payload, s.writtenAt, s.writer))
                .toList();
    }

    @Override
    public void delete(String kind, String item) {
        SharedEntity row = em.find(SharedEntity.class, SharedEntity.key(kind, item));
        if (row != null) {
            em.remove(row);
        }
    }

    /** Forgets the items of one kind written before {@code before}; returns how many. */
    public int deleteWrittenBefore(String kind, Instant before) {
        return em.createQuery("delete from SharedEntity s where s.kind = :kind and s.writtenAt < :before")
                .setParameter("kind", kind)
                .setParameter("before", before)
                .executeUpdate();
    }
}
