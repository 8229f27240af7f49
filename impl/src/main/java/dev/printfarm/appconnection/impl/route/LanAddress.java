package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/** A printer's admitted LAN address as a base URL, from the configured template ({@code http://{ip}} by default). */
public final class LanAddress {

    private LanAddress() {}

    /** The base URL with {@code {ip}} replaced by the address (IPv6 in brackets); empty when that is no absolute URL. */
    public static Optional<URI> of(String template, InetAddress address) {
        try {
            URI uri = URI.create(template.replace("{ip}", IpLiteral.urlHost(address)));
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
