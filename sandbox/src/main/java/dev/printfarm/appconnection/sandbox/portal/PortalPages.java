package dev.printfarm.appconnection.sandbox.portal;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The portal's HTML. Every value that came from the request is escaped. */
final class PortalPages {

    private static final String STYLE = """
            body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}
            ul{list-style:none;padding:0}
            li{border:1px solid #ccc;border-radius:6px;margin:.5em 0;padding:.5em}
            li.preselected{border-color:#2a7}
            code{color:#555}
            """;

    private PortalPages() {}

    static String chooser(PortalParams params, List<EmulatedPrinter> printers, String action) {
        String appId = Html.escape(params.appId().orElseThrow());
        StringBuilder page = new StringBuilder(head("OctoEverywhere sandbox — authorize " + appId));
        page.append("<h1>OctoEverywhere sandbox — authorize ")
                .append(appId)
                .append("</h1>\n")
                .append("<p>The app <strong>")
                .append(appId)
                .append("</strong> asks for remote access to one of your printers.</p>\n");
        params.appLogoUrl()
                .ifPresent(logo -> page.append("<p class=\"app-logo\">App logo: <code>")
                        .append(Html.escape(logo))
                        .append("</code></p>\n"));
        params.octoPrintApiKeyAppName()
                .ifPresent(name -> page.append("<p class=\"api-key\">An OctoPrint API key named <strong>")
                        .append(Html.escape(name))
                        .append("</strong> will be generated.</p>\n"));
        page.append("<ul class=\"printers\">\n");
        for (EmulatedPrinter printer : preselectedFirst(printers, params.printerId())) {
            boolean preselected =
                    params.printerId().filter(printer.id()::equals).isPresent();
            String id = Html.escape(printer.id());
            page.append("<li class=\"printer")
                    .append(preselected ? " preselected" : "")
                    .append("\">\n")
                    .append("<form method=\"post\" action=\"")
                    .append(Html.escape(action))
                    .append("\" id=\"form-")
                    .append(id)
                    .append("\" data-printer-id=\"")
                    .append(id)
                    .append("\">\n")
                    .append(hiddenFields(params, Optional.of(printer.id())))
                    .append("<button type=\"submit\" class=\"authorize\" id=\"authorize-")
                    .append(id)
                    .append('"')
                    .append(preselected ? " autofocus" : "")
                    .append(">Authorize</button>\n")
                    .append("<span class=\"printer-name\">")
                    .append(Html.escape(printer.name()))
                    .append("</span> ")
                    .append("<code class=\"printer-id\">")
                    .append(id)
                    .append("</code>\n")
                    .append("</form>\n</li>\n");
        }
        page.append("</ul>\n")
                .append("<form method=\"post\" action=\"")
                .append(Html.escape(action))
                .append("\" id=\"cancel-form\">\n")
                .append(hiddenFields(params, params.printerId()))
                .append("<input type=\"hidden\" name=\"cancel\" value=\"true\">\n")
                .append("<button type=\"submit\" id=\"cancel\">Cancel</button>\n</form>\n");
        return page.append(tail()).toString();
    }

    static String problem(String message) {
        return head("OctoEverywhere sandbox — bad request") + "<h1>Bad request</h1>\n<p class=\"error\">"
                + Html.escape(message) + "</p>\n" + tail();
    }

    static String done(boolean success) {
        String text = success ? "Connection created" : "Cancelled";
        return head("OctoEverywhere sandbox — " + text) + "<h1 id=\"result\">" + text + "</h1>\n" + tail();
    }

    private static List<EmulatedPrinter> preselectedFirst(List<EmulatedPrinter> printers, Optional<String> printerId) {
        return printers.stream()
                .sorted(Comparator.comparing(
                        printer -> printerId.filter(printer.id()::equals).isEmpty()))
                .toList();
    }

    private static String hiddenFields(PortalParams params, Optional<String> printerId) {
        return hidden("appId", params.appId())
                + hidden("returnUrl", params.returnUrl())
                + hidden("appLogoUrl", params.appLogoUrl())
                + hidden("octoPrintApiKeyAppName", params.octoPrintApiKeyAppName())
                + hidden("printerId", printerId);
    }

    private static String hidden(String name, Optional<String> value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value.orElse("")) + "\">\n";
    }

    private static String head(String escapedTitle) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapedTitle
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n";
    }

    private static String tail() {
        return "</body>\n</html>\n";
    }
}
