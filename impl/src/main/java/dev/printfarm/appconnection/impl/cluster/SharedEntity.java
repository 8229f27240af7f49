package dev.printfarm.appconnection.impl.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One item of state that the server doing a piece of work for the cluster shares with the others (a printer's fleet
 * snapshot, a Gadget verdict, a server's wish to have a connection watched), as text that only its writer's class
 * reads. Fields change only through the entity's methods (EclipseLink's change tracking sees nothing else).
 */
@Entity
@Table(name = "APPCONN_SHARED", indexes = @Index(name = "APPCONN_SHARED_KIND_AT", columnList = "KIND, WRITTEN_AT"))
public class SharedEntity {

    @Id
    @Column(name = "SHARED_KEY", length = 300)
    String key;

    @Column(name = "KIND", length = 40, nullable = false)
    String kind;

    @Column(name = "ITEM", length = 250, nullable = false)
    String item;

    @Column(name = "PAYLOAD", length = 16000, nullable = false)
    String payload;

    @Column(name = "WRITTEN_AT", nullable = false)
    Instant writtenAt;

    @Column(name = "WRITER", length = 200, nullable = false)
    String writer;

    static String key(String kind, String item) {
        return kind + ":" + item;
    }

    void written(String newPayload, Instant at, String by) {
        payload = newPayload;
        writtenAt = at;
        writer = by;
    }
}
