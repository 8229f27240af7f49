package dev.printfarm.appconnection.sandbox.portal;

import dev.printfarm.appconnection.sandbox.connection.AppConnection;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Appends the portal's result to the app's {@code returnUrl}, leaving whatever the app put there untouched. */
final class CompletionUrl {

    private CompletionUrl() {}

    static String append(String returnUrl, List<Map.Entry<String, String>> parameters) {
        int hash = returnUrl.indexOf('#');
        String beforeFragment = hash < 0 ? returnUrl : returnUrl.substring(0, hash);
        String fragment = hash < 0 ? "" : returnUrl.substring(hash);
        String query = parameters.stream()
                .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
                .collect(Collectors.joining("&"));
        return beforeFragment + separator(beforeFragment) + query + fragment;
    }

    static List<Map.Entry<String, String>> cancelled() {
        return List.of(Map.entry("success", "false"));
    }

    static List<Map.Entry<String, String>> success(
            AppConnection connection, EmulatedPrinter printer, String userPrinterAccessUrl) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(List.of(
                Map.entry("success", "true"),
                Map.entry("id", connection.id()),
                Map.entry("url", connection.url()),
                Map.entry("appApiToken", connection.appApiToken()),
                Map.entry("printername", printer.name()),
                Map.entry("userPrinterAccessUrl", userPrinterAccessUrl),
                Map.entry("printerLastKnownLocalIp", printer.lanIp()),
                Map.entry("authBasicHttpUser", connection.authBasicHttpUser()),
                Map.entry("authBasicHttpPassword", connection.authBasicHttpPassword()),
                Map.entry("authBearerToken", connection.authBearerToken())));
        connection.octoPrintApiKey().ifPresent(key -> parameters.add(Map.entry("octoPrintApiKey", key)));
        return parameters;
    }

    private static String separator(String url) {
        if (url.indexOf('?') < 0) {
            return "?";
        }
        return url.endsWith("?") || url.endsWith("&") ? "" : "&";
    }

    /** Percent-encodes spaces too, since not every client decodes {@code +} in a query as a space. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
