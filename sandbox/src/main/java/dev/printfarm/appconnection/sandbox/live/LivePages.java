package dev.printfarm.appconnection.sandbox.live;

import dev.printfarm.appconnection.sandbox.portal.Html;
import dev.printfarm.appconnection.sandbox.printer.OctoPrintState;
import dev.printfarm.appconnection.sandbox.printer.PrintRun;
import java.util.Optional;

/** The tiny pages behind Live Link URLs. */
final class LivePages {

    private LivePages() {}

    static String live(LiveLink link, String printerName, OctoPrintState printer) {
        StringBuilder page = new StringBuilder(head("Live: " + printerName))
                .append("<h1>Live: ")
                .append(Html.escape(printerName))
                .append("</h1>\n")
                .append("<p class=\"state\">")
                .append(Html.escape(printer.text()))
                .append("</p>\n");
        Optional<PrintRun> run = printer.job();
        run.ifPresent(r -> page.append("<p class=\"job\">")
                .append(Html.escape(r.fileName()))
                .append(": ")
                .append((int) Math.floor(r.completion()))
                .append(" %</p>\n"));
        page.append("<p class=\"expires\">Link ")
                .append(Html.escape(link.liveId()))
                .append(" expires at ")
                .append(link.expiresAt())
                .append(link.printId().isPresent() ? " or when the current print ends" : "")
                .append(".</p>\n");
        return page.append(tail()).toString();
    }

    static String gone(String message) {
        return head("Live Link") + "<h1>Live Link</h1>\n<p class=\"error\">" + Html.escape(message) + "</p>\n" + tail();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + " — OctoEverywhere sandbox</title></head><body>\n";
    }

    private static String tail() {
        return "</body></html>\n";
    }
}
