package dev.printfarm.appconnection.it;

import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.appapi.NotificationEvent;
import dev.printfarm.appconnection.api.event.PrinterNotification;
import dev.printfarm.appconnection.api.event.PrinterViewChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the Gadget updates, printer notifications and fleet snapshot changes the module fires in a test deployment. */
@ApplicationScoped
public class ModuleEvents {

    private final List<GadgetUpdate> gadget = new CopyOnWriteArrayList<>();
    private final List<PrinterNotification> notifications = new CopyOnWriteArrayList<>();
    private final List<PrinterViewChanged> snapshots = new CopyOnWriteArrayList<>();

    void on(@Observes PrinterViewChanged change) {
        snapshots.add(change);
    }

    public List<PrinterViewChanged> snapshotChanges(String connectionId) {
        return snapshots.stream()
                .filter(c -> c.current().connectionId().equals(connectionId))
                .toList();
    }

    void on(@Observes GadgetUpdate update) {
        gadget.add(update);
    }

    void on(@Observes PrinterNotification notification) {
        notifications.add(notification);
    }

    public List<GadgetUpdate> gadget(String connectionId) {
        return gadget.stream()
                .filter(u -> u.connectionId().equals(connectionId))
                .toList();
    }

    public List<PrinterNotification> notifications(String connectionId) {
        return notifications.stream()
                .filter(n -> n.connectionId().equals(connectionId))
                .toList();
    }

    public long count(String connectionId, NotificationEvent event) {
        return notifications(connectionId).stream()
                .filter(n -> n.event() == event)
                .count();
    }
}
