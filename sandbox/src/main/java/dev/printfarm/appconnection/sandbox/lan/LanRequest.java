package dev.printfarm.appconnection.sandbox.lan;

import dev.printfarm.appconnection.sandbox.octoprint.OctoPrintRequest;
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
 * @param printerId the first path segment after {@code /lan}, as given (empty when there is none)
 * @param path      the printer-side path, always starting with {@code /}
 * @param headers   every request header, names lower-cased; repeated headers joined with {@code ", "}
 * @param query     decoded query parameters
 * @param lanBase   the printer's LAN URL as the client reached it, for URLs in answers
 */
public record LanRequest(String printerId, String method, String path, SortedMap<String, String> headers,
                         Map<String, List<String>> query, ReceivedBody body, String lanBase) {

    public LanRequest {
        headers = Collections.unmodifiableSortedMap(new TreeMap<>(headers));
        query = Map.copyOf(query);
    }

    public LanRequest(String printerId, String method, String path, SortedMap<String, String> headers) {
        this(printerId, method, path, headers, Map.of(), ReceivedBody.EMPTY, "");
    }

    public LanRequest with(Map<String, List<String>> query, ReceivedBody body, String lanBase) {
        return new LanRequest(printerId, method, path, headers, query, body, lanBase);
    }

    OctoPrintRequest toPrinter() {
        return new OctoPrintRequest(method, path, query, Optional.ofNullable(headers.get("content-type")), body,
                apiKey(), lanBase);
    }

    public static LanRequest of(String pathInfo, String method, Map<String, List<String>> headers) {
        SplitPath split = SplitPath.of(pathInfo);
        SortedMap<String, String> lowerCased = new TreeMap<>();
        headers.forEach((name, values) -> values.forEach(value ->
                lowerCased.merge(name.toLowerCase(Locale.ROOT), value, (first, next) -> first + ", " + next)));
        return new LanRequest(split.first(), method, split.rest(), lowerCased);
    }

    public Optional<String> apiKey() {
        return Optional.ofNullable(headers.get("x-api-key"));
    }
}
