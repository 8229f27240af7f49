package dev.printfarm.appconnection.sandbox.config;

import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.Config;

@ApplicationScoped
public class SandboxProducers {

    private final SandboxSettings settings;

    protected SandboxProducers() {
        this.settings = null;
    }

    @Inject
    public SandboxProducers(Config config) {
        this.settings = new SandboxSettings(
                config.getOptionalValue("sandbox.printers", Integer.class).orElse(3),
                config.getOptionalValue("sandbox.lan-ip", String.class),
                Duration.ofSeconds(config.getOptionalValue("sandbox.job-seconds", Long.class)
                        .orElse(1800L)),
                config.getOptionalValue("sandbox.public-url", String.class),
                config.getOptionalValue("sandbox.api-key-failure-rate", Double.class)
                        .orElse(0.0),
                config.getOptionalValue("sandbox.upload-limit-bytes", Long.class)
                        .orElse(SandboxSettings.DEFAULT_UPLOAD_LIMIT_BYTES),
                config.getOptionalValue("sandbox.webcam.fps", Integer.class).orElse(SandboxSettings.DEFAULT_WEBCAM_FPS),
                config.getOptionalValue("sandbox.latency-ms", Long.class).orElse(0L),
                config.getOptionalValue("sandbox.printer-kinds", String.class)
                        .map(SandboxSettings::parseKinds)
                        .orElse(List.of(PrinterKind.OCTOPRINT)),
                config.getOptionalValue("sandbox.state-dir", String.class).flatMap(SandboxSettings::parseStateDir));
    }

    @Produces
    public SandboxSettings settings() {
        return settings;
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
