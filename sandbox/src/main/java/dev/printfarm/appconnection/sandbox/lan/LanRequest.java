package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
import dev.printfarm.appconnection.sandbox.web.BaseUrl;
import dev.printfarm.appconnection.sandbox.web.ReceivedBody;
import dev.printfarm.appconnection.sandbox.web.SplitPath;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A request as a printer on the LAN receives it.
 *
 * @param printerId the first path segment after {@code /lan}, as given (empty when there is none); for a request
 *                  to {@code /lan-ip/{ip}}, the printer at that address, empty until {@link LanRouter#addressed}
 *                  found exactly one
 * @param lanIp     the first path segment after {@code /lan-ip}, as given, when the printer was addressed by its LAN
 *                  address; empty for {@code /lan/{printerId}}
 * @param path      the printer-side path, always starting with {@code /}
 * @param headers   every request header, names lower-cased; repeated headers joined with {@code ", "}
 * @param query     decoded query parameters
 * @param lanBase   the printer's LAN URL as the client reached it, for URLs in answers
 */
public record LanRequest(
        String printerId,
        Optional<String> lanIp,
        String method,
        String path,
        SortedMap<String, String> headers,
        Map<String, List<String>> query,
        ReceivedBody body,
        String lanBase) {

    public LanRequest {
        headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
        query = Map.copyOf(query);
    }

    public LanRequest(String printerId, String method, String path, SortedMap<String, String> headers) {
        this(printerId, Optional.empty(), method, path, headers, Map.of(), ReceivedBody.EMPTY, "");
    }

    public LanRequest with(Map<String, List<String>> query, ReceivedBody body, String lanBase) {
        return new LanRequest(printerId, lanIp, method, path, headers, query, body, lanBase);
    }

    /** The same request, addressed to this printer; {@link #lanIp} stays as the client gave it. */
    public LanRequest forPrinter(String printerId) {
        return new LanRequest(printerId, lanIp, method, path, headers, query, body, lanBase);
    }

    /** The printer's LAN URL under the sandbox's base URL, by whichever face the client used. */
    public String lanUrl(String base) {
        return lanIp.map(ip -> BaseUrl.lanIpUrl(base, ip)).orElseGet(() -> BaseUrl.lanUrl(base, printerId));
    }

    OctoPrintRequest toPrinter() {
        return new OctoPrintRequest(
                method, path, query, Optional.ofNullable(headers.get("content-type")), body, apiKey(), lanBase);
    }

    /** {@code /lan/{printerId}/{printer path}}, from the servlet's path info. */
    public static LanRequest of(String pathInfo, String method, Map<String, List<String>> headers) {
        SplitPath split = SplitPath.of(pathInfo);
        return new LanRequest(split.first(), method, split.rest(), lowerCased(headers));
    }

    /** {@code /lan-ip/{ip}/{printer path}}, from the servlet's path info; no printer yet. */
    public static LanRequest byLanIp(String pathInfo, String method, Map<String, List<String>> headers) {
        SplitPath split = SplitPath.of(pathInfo);
        return new LanRequest(
                "",
                Optional.of(split.first()),
                method,
                split.rest(),
                lowerCased(headers),
                Map.of(),
                ReceivedBody.EMPTY,
                "");
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(headers.get("x-api-key"));
    }

    private static SortedMap<String, String> lowerCased(Map<String, List<String>> headers) {
        SortedMap<String, String> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> values.forEach(
                value -> lowerCased.merge(name.toLowerCase(Locale.ROOT), value, (first, next) -> first + ", " + next)));
        return lowerCased;
    }
}
