package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.BodyLimits;
import dev.printfarm.appconnection.impl.internal.PlainModuleThreads;
import dev.printfarm.appconnection.impl.relay.RelaySettings;
import java.time.Duration;

/** Transports outside a server, for the tests of their callers in other packages. */
public final class Transports {

    private Transports() {}

    /** 2-s connects, 5-s reads, the LAN off, answers capped by {@code limits}; {@link #close} it. */
    public static HttpTransport wired(BodyLimits limits) {
        HttpTransport wired = new HttpTransport();
        wired.relay = new RelaySettings(
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                8,
                5,
                Duration.ofSeconds(10),
                false,
                null);
        wired.lan = new LanSettings(
                false,
                "http://{ip}",
                LanPolicy.of("127.0.0.0/8"),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                2,
                Duration.ofSeconds(1));
        wired.limitSettings = new LimitSettings(limits);
        wired.threads = PlainModuleThreads.create();
        return wired;
    }

    /** Closes the transport and ends its threads. */
    public static void close(HttpTransport wired) {
        wired.close();
        wired.threads.io().shutdownNow();
    }
}
