package dev.printfarm.appconnection.sandbox.web;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import jakarta.servlet.http.HttpServletRequest;

/** Where the sandbox is reachable from the client's point of view, e.g. {@code http://localhost:9080/sandbox}. */
public final class BaseUrl {

    private BaseUrl() {}

    public static String of(HttpServletRequest request, SandboxSettings settings) {
        return settings.publicUrl()
                .orElseGet(() -> from(
                        request.getScheme(),
                        request.getServerName(),
                        request.getServerPort(),
                        request.getContextPath()));
    }

    public static String from(String scheme, String host, int port, String contextPath) {
        String bracketedHost = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0
                || ("http".equalsIgnoreCase(scheme) && port == 80)
                || ("https".equalsIgnoreCase(scheme) && port == 443);
        return scheme + "://" + bracketedHost + (defaultPort ? "" : ":" + port) + contextPath;
    }

    public static String relayBase(String base) {
        return base + "/relay";
    }

    public static String lanUrl(String base, String printerId) {
        return base + "/lan/" + printerId;
    }

    /** The same printer, addressed by its LAN address instead of its id. */
    public static String lanIpUrl(String base, String lanIp) {
        return base + "/lan-ip/" + lanIp;
    }

    public static String userPrinterUrl(String base, String printerId) {
        return base + "/printer/" + printerId;
    }
}
