package dev.printfarm.appconnection.impl.internal;

import java.net.URI;
import java.util.Locale;

/**
 * Demo mode is not a switch: it is on exactly when OctoEverywhere's URL points at a sandbox on this machine (host
 * {@code localhost} or a loopback literal), so a deployment that talks to the real OctoEverywhere can never run with
 * the demo's shortcuts (the public demo key, plain-http relays, loopback printers).
 */
public final class DemoMode {

    private DemoMode() {}

    public static boolean of(URI serviceUrl) {
        String host = serviceUrl.getHost();
        if (host == null) {
            return false;
        }
        return host.toLowerCase(Locale.ROOT).equals("localhost")
                || IpLiteral.parse(host)
                        .map(java.net.InetAddress::isLoopbackAddress)
                        .orElse(false);
    }
}
