package dev.printfarm.appconnection.impl.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict IP literals: IPv4 only as four decimal parts without leading zeros, IPv6 without a zone id. Every other
 * spelling a resolver would also take ({@code 0177.0.0.1}, {@code 2130706433}, {@code 0x7f.1}, {@code 127.1}) is
 * refused, and nothing is ever looked up in DNS. An IPv4-mapped IPv6 address comes back as the IPv4 address it maps.
 */
public final class IpLiteral {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiteral() {}

    /** The address the text spells, when it is a plain literal (IPv6 with or without brackets). */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] raw = new byte[4];
            for (int i = 0; i < 4; i++) {
                raw[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(byAddress(raw));
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!bare.contains(":") || !IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        int lastColon = bare.lastIndexOf(':');
        String tail = bare.substring(lastColon + 1);
        if (tail.contains(".") && !IPV4.matcher(tail).matches()) {
            return Optional.empty();
        }
        try {
            // A text with ':' is parsed as an IPv6 literal or refused; the JDK never takes it to DNS.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** How the module writes an address in a URL's host: IPv4 dotted, IPv6 in brackets. */
    public static String urlHost(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : "[" + address.getHostAddress() + "]";
    }

    private static InetAddress byAddress(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
