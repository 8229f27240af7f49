package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (system properties {@code it.chromium} and
 * {@code it.chromedriver} override the paths). Nothing is downloaded: without them the browser tests are skipped
 * ({@link #installed()}), and the build says so at its end.
 */
public final class Chromium {

    /** Where screenshots go: the build's artifact folder for the browser test. */
    static final Path SCREENSHOTS = Path.of("target", "browser");

    private Chromium() {}

    /** Whether the browser and its driver are there; the condition of {@code @EnabledIf} on the browser tests. */
    public static boolean installed() {
        return Files.isExecutable(browser()) && Files.isExecutable(driver());
    }

    private static Path browser() {
        return Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    }

    private static Path driver() {
        return Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));
    }

    static WebDriver start() {
        Path browser = browser();
        Path driver = driver();
        if (!installed()) {
            throw new AssertionError("The browser test needs " + browser + " and " + driver);
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("it-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,1400",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The system property naming a file, relative to the repository, that receives a copy of the console's picture for
     * the README: {@code -Dconsole.screenshot=docs/images/console.png}. Unset, nothing outside {@code target} is written.
     */
    static final String DOCS_SCREENSHOT = "console.screenshot";

    /** Copies {@code screenshot} to the file {@value #DOCS_SCREENSHOT} names, when it is set. */
    static void copyForDocs(Path screenshot) {
        String wanted = System.getProperty(DOCS_SCREENSHOT, "").strip();
        if (wanted.isEmpty()) {
            return;
        }
        // Failsafe runs in the module's directory (basedir); the path is the repository's, as the README links it.
        Path repository =
                Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent();
        Path target = repository.resolve(wanted).normalize();
        try {
            Files.createDirectories(target.getParent());
            Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows as {@code target/browser/<name>.png}; returns the file. */
    static Path screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
