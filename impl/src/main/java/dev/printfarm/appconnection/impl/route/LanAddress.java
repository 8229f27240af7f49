package dev.printfarm.appconnection.impl.route;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/** A printer's LAN address as a base URL, from the configured template ({@code http://{ip}} by default). */
public final class LanAddress {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private LanAddress() {
    }

    /**
     * The base URL for an address as OctoEverywhere reports it; empty when the address is not a plain IPv4, IPv6
     * or host name (nothing else may shape the URL the module calls).
     */
    public static Optional<URI> of(String template, String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        String host;
        if (IPV4.matcher(a).matches() || (HOST_NAME.matcher(a).matches() && a.length() <= 253)) {
            host = a;
        } else if (a.contains(":") && IPV6.matcher(a).matches()) {
            host = "[" + a + "]";
        } else {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(template.replace("{ip}", host));
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
