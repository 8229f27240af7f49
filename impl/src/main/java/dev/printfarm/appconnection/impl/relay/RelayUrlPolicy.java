package dev.printfarm.appconnection.impl.relay;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which relay base URLs the module dials: parsed and compared as URIs, never as strings. {@code https} ({@code http}
 * only when allowed), no user info, query or fragment, a path that is already normalized, and a host on the
 * allow-list. Reasons never quote the URL. Immutable.
 */
public final class RelayUrlPolicy {

    private static final Pattern ESCAPE = Pattern.compile("%([0-9A-Fa-f]{2})");
    /** Escapes that would change the path once decoded: {@code / \ . %}. */
    private static final List<String> PATH_CHANGING = List.of("2f", "5c", "2e", "25");

    private final List<HostPattern> allowed;
    private final boolean allowHttp;

    private RelayUrlPolicy(List<HostPattern> allowed, boolean allowHttp) {
        this.allowed = List.copyOf(allowed);
        this.allowHttp = allowHttp;
    }

    /**
     * @param allowedHosts comma-separated {@link HostPattern}s
     * @throws IllegalArgumentException naming the entry that is wrong and the forms that are allowed
     */
    public static RelayUrlPolicy of(String allowedHosts, boolean allowHttp) {
        List<HostPattern> patterns = new ArrayList<>();
        for (String entry : allowedHosts.split(",")) {
            if (!entry.isBlank()) {
                patterns.add(HostPattern.parse(entry));
            }
        }
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("no host is listed");
        }
        return new RelayUrlPolicy(patterns, allowHttp);
    }

    /**
     * The URL as the module dials it (scheme and host in lower case).
     *
     * @throws RelayUrlRefusedException saying why, without quoting the URL
     */
    public URI admit(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("it is not a URL");
        }
        return admit(uri);
    }

    /** @see #admit(String) */
    public URI admit(URI uri) {
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw refused("it is not an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw refused(
                    scheme.equals("http")
                            ? "it is plain http (appconnection.relay.allow-http is off)"
                            : "it is not https");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw refused("it carries user info");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused("it has a query or fragment");
        }
        if (uri.getHost() == null) {
            throw refused("it has no plain host name");
        }
        String host = host(uri.getHost());
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        pathProblem(path).ifPresent(problem -> {
            throw refused(problem);
        });
        if (allowed.stream().noneMatch(p -> p.matches(host, port, defaultPort))) {
            throw refused("its host is not on appconnection.relay.allowed-hosts");
        }
        return URI.create(scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path);
    }

    /** The entries that admit a host other than OctoEverywhere's own ({@code octoeverywhere.com} and its subdomains). */
    public List<String> hostsOutsideOctoEverywhere() {
        return allowed.stream()
                .filter(p -> !p.onlyOctoEverywhere())
                .map(HostPattern::toString)
                .toList();
    }

    public boolean allowsHttp() {
        return allowHttp;
    }

    private static String host(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return IpLiteral.parse(lower).map(IpLiteral::urlHost).orElse(lower);
    }

    private static Optional<String> pathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        if (!path.startsWith("/") || path.contains("//")) {
            return Optional.of("its path is not normalized");
        }
        if (path.contains("\\") || path.contains(";")) {
            return Optional.of("its path has a backslash or parameters");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("its path has . or .. segments");
            }
        }
        Matcher escape = ESCAPE.matcher(path);
        while (escape.find()) {
            if (PATH_CHANGING.contains(escape.group(1).toLowerCase(Locale.ROOT))) {
                return Optional.of("its path hides /, \\, . or % in an escape");
            }
        }
        return Optional.empty();
    }

    private static RelayUrlRefusedException refused(String why) {
        return new RelayUrlRefusedException("The relay URL is refused: " + why + ".");
    }

    @Override
    public String toString() {
        return "RelayUrlPolicy[allowed=" + allowed + ", allowHttp=" + allowHttp + "]";
    }
}
