package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The farm console in a real browser (headless Debian Chromium): every test that needs one is here, so that a machine
 * without Chromium skips exactly this class (the build then says so at its end) and CI can count what ran from this
 * class's Failsafe report. Screenshots: {@code it/target/browser/}.
 *
 * <p>The sandbox emulates an OctoPrint, a Klipper (Moonraker) and an "other" printer (command API only) for the
 * controls, and one more OctoPrint for the operator's click-through. With {@code -Dconsole.screenshot=<file>} the
 * click-through's picture of a printing card is also copied there (the README's {@code docs/images/console.png}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIf(
        value = "dev.printfarm.appconnection.it.Chromium#installed",
        disabledReason = "needs Chromium and its driver: sudo apt-get install chromium chromium-driver")
class ConsoleBrowserIT {

    private static final List<String> KINDS = List.of("octoprint", "moonraker", "other");
    /** The printer (0-based) of the click-through: the fourth, an OctoPrint (kinds repeat round robin). */
    private static final int CLICK_THROUGH_PRINTER = 3;

    @Deployment(testable = false)
    static EnterpriseArchive farm() {
        return Deployments.farm(Map.of(
                "sandbox.printers",
                "4",
                "sandbox.printer-kinds",
                String.join(",", KINDS),
                "sandbox.job-seconds",
                "600"));
    }

    private final FarmConsole console = new FarmConsole();
    private final URI server = console.server;
    private final SandboxClient sandbox = console.sandbox;

    private static JsonValue json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readValue();
        }
    }

    private JsonObject detail(String id) {
        HttpResponse<String> r = console.get("console/api/printers/" + id);
        assertEquals(200, r.statusCode(), r.body());
        return json(r).asJsonObject();
    }

    private static void logIn(WebDriver driver, URI server, WebDriverWait wait) {
        driver.get(server + "console/");
        wait.until(d -> d.getCurrentUrl().contains("login.html"));
        driver.findElement(By.id("username")).sendKeys("operator");
        driver.findElement(By.id("password")).sendKeys("operator");
        driver.findElement(By.id("login")).click();
        wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
    }

    /**
     * The operator's click-through: log in, connect a printer in the sandbox portal, see its card, upload and print a
     * file (the upload's progress bar fills), watch the job advance, and see the card go offline within one fleet
     * cycle (5 s in the console's configuration) of the printer going offline; then the page on a phone's width.
     */
    @Test
    void anOperatorConnectsAPrinterPrintsAFileAndSeesItGoOfflineInTheBrowser() throws Exception {
        String printerId =
                sandbox.printers().getJsonObject(CLICK_THROUGH_PRINTER).getString("id");
        String printerName = sandbox.printer(printerId).getString("name");
        Set<String> before = json(console.get("console/api/printers")).asJsonArray().stream()
                .map(p -> p.asJsonObject().getString("id"))
                .collect(Collectors.toSet());
        Path gcode = Files.createDirectories(Chromium.SCREENSHOTS).resolve("farm-benchy.gcode");
        Files.writeString(gcode, "G28\nG1 X50 Y50 Z0.2 F3000\n".repeat(20_000));
        WebDriver driver = Chromium.start();
        String id = null;
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            logIn(driver, server, wait);

            driver.findElement(By.id("connect")).click();
            wait.until(d -> d.getCurrentUrl().contains("/sandbox/appportal/"));
            driver.findElement(By.id("authorize-" + printerId)).click();
            wait.until(d -> d.getCurrentUrl().equals(server + "console/"));
            WebElement card = wait.until(d -> d.findElements(By.cssSelector("article.printer")).stream()
                    .filter(c -> !before.contains(c.getAttribute("data-id")))
                    .findFirst()
                    .orElse(null));
            id = card.getAttribute("data-id");
            By here = By.cssSelector("article.printer[data-id='" + id + "']");
            Function<String, WebElement> part = css -> driver.findElement(here).findElement(By.cssSelector(css));
            assertEquals(printerName, part.apply(".name").getText());
            wait.until(d -> "ONLINE".equals(d.findElement(here).getAttribute("data-state")));

            // Nothing but the summary shows until the printer said what it can: an OctoPrint in the sandbox offers
            // printing files (its own API) and nothing of the command API's homing or lights.
            assertFalse(part.apply(".upload").isDisplayed(), "upload is offered before the printer said it can print");
            part.apply(".controls summary").click();
            wait.until(d -> "true".equals(part.apply(".controls").getAttribute("data-loaded")));
            assertEquals("PRINT_START", part.apply(".controls").getAttribute("data-features"));
            assertTrue(part.apply(".upload").isDisplayed());
            assertFalse(part.apply("[data-action='home']").isDisplayed(), "homing is offered to a printer without it");
            assertTrue(
                    part.apply(".platform").getText().startsWith("OctoPrint"),
                    part.apply(".platform").getText());
            part.apply(".upload-file").sendKeys(gcode.toAbsolutePath().toString());
            part.apply(".upload-print").click();
            wait.until(d -> part.apply(".message").getText().contains("printing"));
            assertEquals(
                    "100", part.apply(".upload-progress").getAttribute("value"), "the upload's progress bar is full");
            assertEquals(
                    "farm-benchy.gcode",
                    sandbox.printer(printerId).getJsonObject("job").getString("file"));
            wait.until(d -> "farm-benchy.gcode".equals(part.apply(".job-file").getText()));
            double first = Double.parseDouble(part.apply(".job-progress").getAttribute("data-progress"));
            wait.until(d -> Double.parseDouble(part.apply(".job-progress").getAttribute("data-progress")) > first);
            // The README's picture of the console: a farm with a card printing
            // (-Dconsole.screenshot=docs/images/console.png).
            Chromium.copyForDocs(Chromium.screenshot(driver, "console-printing"));

            // Switched off: gone from OctoEverywhere and from the LAN (the card may be on either route by now).
            sandbox.control(printerId, "{\"online\": false, \"lan\": false}");
            long offlineAt = System.nanoTime();
            new WebDriverWait(driver, Duration.ofSeconds(15))
                    .pollingEvery(Duration.ofMillis(100))
                    .until(d -> "PRINTER_OFFLINE".equals(d.findElement(here).getAttribute("data-state")));
            Duration shown = Duration.ofNanos(System.nanoTime() - offlineAt);
            assertTrue(
                    shown.compareTo(Duration.ofMillis(6_500)) <= 0,
                    "the card showed offline " + shown.toMillis() + " ms after the printer went offline: more than one"
                            + " 5 s cycle (+1.5 s for the event and the page)");
            assertTrue(part.apply(".remedy-text").getText().contains("not connected to OctoEverywhere"));
            Chromium.screenshot(driver, "console-offline");

            driver.manage().window().setSize(new Dimension(390, 844));
            new WebDriverWait(driver, Duration.ofSeconds(5))
                    .until(d ->
                            ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth;")).intValue()
                                    <= 400);
            Object overflow = ((JavascriptExecutor) driver)
                    .executeScript("const width = document.documentElement.clientWidth;"
                            + "const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1"
                            + "  || e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)"
                            + "  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));"
                            + "return [document.documentElement.scrollWidth - width, wide.join(', ')];");
            var measured = (List<?>) overflow;
            assertTrue(
                    ((Number) measured.get(0)).intValue() <= 0,
                    "the page scrolls sideways on a phone by " + measured.get(0) + " px: " + measured.get(1));
            Chromium.screenshot(driver, "console-phone");
        } catch (AssertionError | RuntimeException e) {
            Chromium.screenshot(driver, "console-failure");
            throw e;
        } finally {
            sandbox.restore(printerId);
            driver.quit();
            if (id != null) {
                console.browser.send(HttpRequest.newBuilder(server.resolve("console/api/printers/" + id))
                        .DELETE());
            }
        }
    }

    /**
     * The page shows each printer only the controls it has (MixedFleetIT checks the console's API behind them): the
     * home button for the Klipper printer only, a light switch for the printers with lights, printing files for all;
     * and a light switch on the page switches the printer's light.
     */
    @Test
    void thePageShowsOnlyTheControlsEachPrinterSupports() throws Exception {
        Map<String, String> byKind = new LinkedHashMap<>();
        for (int i = 0; i < KINDS.size(); i++) {
            byKind.put(
                    KINDS.get(i),
                    console.connect(sandbox.printers().getJsonObject(i).getString("id")));
        }
        WebDriver driver = Chromium.start();
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            logIn(driver, server, wait);
            Map<String, String> homing = Map.of("octoprint", "false", "moonraker", "true", "other", "false");
            Map<String, Integer> lights = Map.of("octoprint", 0, "moonraker", 1, "other", 1);
            for (var e : byKind.entrySet()) {
                String kind = e.getKey();
                By here = By.cssSelector("article.printer[data-id='" + e.getValue() + "']");
                wait.until(d -> "ONLINE".equals(d.findElement(here).getAttribute("data-state")));
                WebElement card = driver.findElement(here);
                card.findElement(By.cssSelector(".controls summary")).click();
                wait.until(d -> "true"
                        .equals(d.findElement(here)
                                .findElement(By.cssSelector(".controls"))
                                .getAttribute("data-loaded")));
                assertEquals(
                        homing.get(kind),
                        String.valueOf(card.findElement(By.cssSelector("[data-action='home']"))
                                .isDisplayed()),
                        kind + ": the home button");
                assertEquals(
                        lights.get(kind),
                        (int) card.findElements(By.cssSelector("button.light")).stream()
                                .filter(WebElement::isDisplayed)
                                .count(),
                        kind + ": light switches");
                assertTrue(card.findElement(By.cssSelector(".upload")).isDisplayed(), kind + " prints files");
            }
            Chromium.screenshot(driver, "console-controls");
            String other = byKind.get("other");
            WebElement otherCard = driver.findElement(By.cssSelector("article.printer[data-id='" + other + "']"));
            boolean onBefore =
                    detail(other).getJsonArray("lights").getJsonObject(0).getBoolean("on");
            otherCard.findElement(By.cssSelector("button.light")).click();
            wait.until(
                    d -> detail(other).getJsonArray("lights").getJsonObject(0).getBoolean("on") != onBefore);
        } catch (AssertionError | RuntimeException e) {
            Chromium.screenshot(driver, "console-controls-failure");
            throw e;
        } finally {
            driver.quit();
            byKind.values()
                    .forEach(id ->
                            console.browser.send(HttpRequest.newBuilder(server.resolve("console/api/printers/" + id))
                                    .DELETE()));
        }
    }
}
