package dev.printfarm.appconnection.console.farm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A printer the farm reaches on its LAN, added by address with its OctoPrint API key (sealed with the module's
 * {@code SecretSealer}), before and until it has an App Connection. Fields change only through the entity's
 * methods (EclipseLink's change tracking sees nothing else).
 */
@Entity
@Table(name = "CONSOLE_LAN_PRINTER")
public class LanPrinterEntity {

    @Id
    @Column(name = "ID", length = 40)
    String id;

    @Column(name = "FARM", length = 200, nullable = false)
    String farm;

    @Column(name = "NAME", length = 200, nullable = false)
    String name;

    @Column(name = "LAN_URL", length = 2048, nullable = false)
    String lanUrl;

    @Column(name = "SEALED_API_KEY", length = 1024, nullable = false)
    String sealedApiKey;

    @Column(name = "DISCOVERY", length = 32, nullable = false)
    String discovery;

    @Column(name = "DISCOVERY_DETAIL", length = 1000, nullable = false)
    String discoveryDetail;

    @Column(name = "PRINTER_ID", length = 100)
    String printerId;

    @Column(name = "PLUGIN_VERSION", length = 100)
    String pluginVersion;

    @Column(name = "CONNECTION_ID", length = 128)
    String connectionId;

    /** Epoch milliseconds. */
    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    void discovered(String outcome, String detail, String foundPrinterId, String version) {
        discovery = outcome;
        discoveryDetail = detail;
        printerId = foundPrinterId;
        pluginVersion = version;
    }

    void attach(String connection) {
        connectionId = connection;
    }
}
