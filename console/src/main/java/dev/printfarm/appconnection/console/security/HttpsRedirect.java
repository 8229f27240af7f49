package dev.printfarm.appconnection.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTPS only when the console is published over HTTPS: if the module's public base URL
 * ({@code appconnection.public-base-url}) starts with {@code https://}, a request that came over plain HTTP is sent
 * (308) to the same path and query on that URL's host and port; with an {@code http://} base (the offline demo)
 * nothing is redirected. The target host is always the configured one, never the request's {@code Host}.
 */
@ApplicationScoped
public class HttpsRedirect {

    private final Optional<URI> httpsBase;

    @Inject
    public HttpsRedirect(@ConfigProperty(name = "appconnection.public-base-url") Optional<String> publicBaseUrl) {
        this.httpsBase = publicBaseUrl.flatMap(HttpsRedirect::httpsBase);
    }

    /** For the container's client proxy. */
    protected HttpsRedirect() {
        this(Optional.empty());
    }

    /** Where the request must go instead; empty when it may be answered here. */
    public Optional<String> target(HttpServletRequest request) {
        if (httpsBase.isEmpty() || request.isSecure()) {
            return Optional.empty();
        }
        return Optional.of(location(httpsBase.get(), request.getRequestURI(), request.getQueryString()));
    }

    /** The public base URL when it is an HTTPS URL with a host. */
    static Optional<URI> httpsBase(String publicBaseUrl) {
        String text = publicBaseUrl.strip();
        if (!text.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * The request's path and query on the base's host and port. A path or query that is not plain printable ASCII
     * (it came raw from the request line) is not copied into a header: such a request goes to the base URL itself.
     */
    static String location(URI base, String path, String query) {
        if (path == null || !path.startsWith("/") || !printable(path) || query != null && !printable(query)) {
            return base.toString();
        }
        return "https://" + base.getHost() + (base.getPort() >= 0 ? ":" + base.getPort() : "") + path
                + (query == null ? "" : "?" + query);
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }
}
