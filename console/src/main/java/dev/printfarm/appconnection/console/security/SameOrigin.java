package dev.printfarm.appconnection.console.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * Whether a request comes from the console's own pages as far as the browser tells: {@code Sec-Fetch-Site} (when
 * sent) is {@code same-origin} or {@code none}, and {@code Origin} (when sent) names the host and port the request was
 * sent to. {@code Origin: null} passes only with {@code Sec-Fetch-Site: same-origin}: that is what a browser sends for
 * the page's own form posts under the console's {@code Referrer-Policy: no-referrer}, while a sandboxed frame or a
 * {@code data:} page elsewhere is {@code cross-site}. Scripts that send neither are not browsers and pass. Behind a proxy that rewrites the host, let it pass the
 * original {@code Host} on (Liberty then reports it as the server name).
 */
public final class SameOrigin {

    private SameOrigin() {}

    public static boolean allows(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        if (origin.equals("null")) {
            return "same-origin".equals(site);
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            // The server's own name and port as the request addressed it (Host, or HTTP/2's :authority).
            return uri.getHost().equalsIgnoreCase(request.getServerName()) && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
