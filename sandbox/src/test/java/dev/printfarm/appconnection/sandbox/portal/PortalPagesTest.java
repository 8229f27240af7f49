package dev.printfarm.appconnection.sandbox.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.sandbox.MutableClock;
import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import dev.printfarm.appconnection.sandbox.printer.PrinterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortalPagesTest {

    private static final String ACTION = "/sandbox/appportal/v1/authorize";
    private final List<EmulatedPrinter> printers = new PrinterRegistry(
                    new SandboxSettings(3, Optional.empty(), Duration.ofSeconds(60), Optional.empty(), 0),
                    MutableClock.at("2026-11-28T10:00:00Z"))
            .all();

    @Test
    void echoedValuesAreHtmlEscaped() {
        String page = PortalPages.chooser(
                PortalParams.from(Map.of(
                        "appId", "<script>alert(1)</script>",
                        "returnUrl", "https://app.example/cb?a=1&b=\"x\"")::get),
                printers,
                ACTION);

        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(page.contains("value=\"https://app.example/cb?a=1&amp;b=&quot;x&quot;\""));
    }

    @Test
    void everyPrinterHasItsOwnAuthorizeButtonAndTheCancelFormSaysCancel() {
        String page = PortalPages.chooser(PortalParams.from(Map.of("appId", "devtest")::get), printers, ACTION);

        printers.forEach(printer -> assertTrue(page.contains("id=\"authorize-" + printer.id() + "\""), printer.id()));
        assertEquals(printers.size() + 1, page.split("<form method=\"post\" action=\"" + ACTION + "\"", -1).length - 1);
        assertTrue(page.contains("<input type=\"hidden\" name=\"cancel\" value=\"true\">"));
        assertTrue(page.contains("<title>OctoEverywhere sandbox — authorize devtest</title>"));
    }

    @Test
    void preselectedPrinterComesFirstAndIsMarked() {
        EmulatedPrinter third = printers.get(2);
        String page = PortalPages.chooser(
                PortalParams.from(Map.of("appId", "devtest", "printerId", third.id())::get), printers, ACTION);

        int thirdAt = page.indexOf("authorize-" + third.id());
        assertTrue(thirdAt < page.indexOf("authorize-" + printers.get(0).id()));
        assertTrue(page.contains("<li class=\"printer preselected\">\n<form method=\"post\" action=\"" + ACTION
                + "\" id=\"form-" + third.id() + "\""));
    }

    @Test
    void donePageNeverShowsWhatCameBack() {
        assertTrue(PortalPages.done(true).contains("Connection created"));
        assertTrue(PortalPages.done(false).contains("Cancelled"));
    }
}
