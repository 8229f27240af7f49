package dev.printfarm.appconnection.impl.fleet;

import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.impl.internal.Background;
import dev.printfarm.appconnection.impl.platform.Platforms;
import dev.printfarm.appconnection.impl.store.StoredConnection;
import java.util.Optional;
import java.util.function.Function;

/** The module's {@link Platforms} and background tasks, as the fleet's {@link PlatformLookup} uses them. */
final class PlatformSource implements PlatformLookup.Source {

    private final Platforms platforms;
    private final Background background;
    private final Function<String, Optional<StoredConnection>> connections;
    private volatile PlatformLookup lookup;

    PlatformSource(
            Platforms platforms, Background background, Function<String, Optional<StoredConnection>> connections) {
        this.platforms = platforms;
        this.background = background;
        this.connections = connections;
    }

    /** Where what the printer answered is reported; set once the lookup exists. */
    void reportTo(PlatformLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<PrinterPlatform> known(String connectionId) {
        return platforms.known(connectionId);
    }

    @Override
    public void askInBackground(String connectionId) {
        Optional<StoredConnection> stored = connections.apply(connectionId);
        if (stored.isEmpty()) {
            return;
        }
        background.submit(() -> {
            try {
                PrinterPlatform learned = platforms.of(stored.get());
                PlatformLookup to = lookup;
                if (to != null) {
                    to.learned(connectionId, learned);
                }
            } catch (AppConnectionException e) {
                // Not reachable now: the next 404 asks again, a minute later at the earliest.
            }
        });
    }

    @Override
    public void rememberInBackground(String connectionId, PrinterPlatform platform) {
        background.submit(() -> platforms.learned(connectionId, platform));
    }
}
