package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One entry of the relay allow-list: an exact host ({@code app-1.octoeverywhere.com}, {@code localhost}, an IP
 * literal) or {@code *.domain} for every subdomain of {@code domain} (not the domain itself), optionally with
 * {@code :port}. Without a port only the scheme's default port matches.
 */
record HostPattern(boolean subdomains, String host, OptionalInt port) {

    private static final String OCTOEVERYWHERE = "octoeverywhere.com";
    private static final Pattern NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** @throws IllegalArgumentException saying which forms are allowed */
    static HostPattern parse(String entry) {
        String text = entry.strip().toLowerCase(Locale.ROOT);
        OptionalInt port = OptionalInt.empty();
        int colon = text.lastIndexOf(':');
        if (colon > 0 && (text.startsWith("[") ? text.charAt(colon - 1) == ']' : text.indexOf(':') == colon)) {
            port = OptionalInt.of(port(text.substring(colon + 1), entry));
            text = text.substring(0, colon);
        }
        boolean subdomains = text.startsWith("*.");
        String host = subdomains ? text.substring(2) : text;
        boolean literal = IpLiteral.parse(host).isPresent();
        if (literal
                ? subdomains || (host.contains(":") && !host.startsWith("["))
                : !NAME.matcher(host).matches() || host.length() > 253) {
            throw new IllegalArgumentException("\"" + entry.strip() + "\" is not a host name, *.domain or IP literal"
                    + " (IPv6 in brackets), optionally followed by :port");
        }
        return new HostPattern(
                subdomains, literal ? IpLiteral.urlHost(IpLiteral.parse(host).get()) : host, port);
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + entry.strip() + "\" has a port that is not 1-65535");
    }

    /** Whether a URL's host (lower case, IPv6 in brackets) and effective port match this entry. */
    boolean matches(String urlHost, int effectivePort, int defaultPort) {
        if (port.isPresent() ? port.getAsInt() != effectivePort : effectivePort != defaultPort) {
            return false;
        }
        if (subdomains) {
            return urlHost.endsWith("." + host) && IpLiteral.parse(urlHost).isEmpty();
        }
        return urlHost.equals(host);
    }

    /** Whether everything this entry admits is OctoEverywhere's: {@code octoeverywhere.com} or one of its subdomains. */
    boolean onlyOctoEverywhere() {
        return host.equals(OCTOEVERYWHERE) || host.endsWith("." + OCTOEVERYWHERE);
    }

    @Override
    public String toString() {
        return (subdomains ? "*." : "") + host + (port.isPresent() ? ":" + port.getAsInt() : "");
    }
}
