package dev.printfarm.appconnection.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A wrong configuration value fails the deployment at start, and the server's log says which key, which value and
 * what is allowed. The application is dropped into the server's {@code dropins} (Arquillian's deployer would wait its
 * whole deploy timeout for an application that never starts) and the log is read until Liberty says it did not start.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationIT {

    private static final String APP = "module-negative-cycle-it";

    /** Any application, so that Arquillian starts the server. */
    @Deployment(name = "sandbox", testable = false)
    static WebArchive sandbox() {
        return Deployments.sandbox();
    }

    @Test
    @RunAsClient
    void aNegativeFleetCycleFailsTheDeploymentNamingTheKeyTheValueAndWhatIsAllowed() throws IOException {
        Path logs = Path.of(System.getProperty("it.server.logs"));
        Path log = logs.resolve("messages.log");
        Path dropins = logs.resolveSibling("dropins");
        Path staged = logs.resolveSibling(APP + ".war");
        Path deployed = dropins.resolve(APP + ".war");
        Deployments.module(APP, Map.of("appconnection.fleet.cycle", "-PT1S"))
                .as(ZipExporter.class)
                .exportTo(staged.toFile(), true);
        long before = Files.size(log);
        try {
            Files.move(staged, deployed, StandardCopyOption.ATOMIC_MOVE);
            Await.until(
                    Duration.ofSeconds(90),
                    () -> since(log, before).contains("CWWKZ0012I: The application " + APP + " was not started")
                            || since(log, before).contains("CWWKZ0001I: Application " + APP + " started"),
                    () -> "Liberty said nothing about " + APP + ":\n" + since(log, before));
        } finally {
            Files.deleteIfExists(deployed);
            Files.deleteIfExists(staged);
        }
        String written = since(log, before);
        assertFalse(written.contains("CWWKZ0001I: Application " + APP + " started"), written);
        // Logged as an error, not only inside the server's incident report.
        assertTrue(
                written.contains(" E The App Connections module will not start: appconnection.fleet.cycle is"
                        + " \"-PT1S\"; allowed: an ISO-8601 duration, zero (PT0S: the monitor is off) or positive"),
                written);
    }

    private static String since(Path log, long offset) {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
