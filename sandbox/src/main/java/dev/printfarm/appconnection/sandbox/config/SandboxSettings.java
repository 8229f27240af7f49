package dev.printfarm.appconnection.sandbox.config;

import dev.printfarm.appconnection.sandbox.printer.PrinterKind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the sandbox reads from MicroProfile Config ({@code sandbox.*}).
 *
 * @param printers           how many printers to emulate
 * @param lanIp              {@code sandbox.lan-ip} when it is configured: one "last known LAN IP" reported for every
 *                           printer instead of each printer's own {@code 127.0.1.N}; loopback only, so that a client
 *                           preferring the LAN never sends traffic off this machine. Blank counts as not configured
 * @param jobDuration        how long one emulated print takes before the next one starts
 * @param publicUrl          base URL to advertise instead of the one derived from each request
 * @param apiKeyFailureRate  share of portal runs in which OctoPrint API key generation "fails"
 * @param uploadLimitBytes   how many bytes of files one emulated OctoPrint holds in memory; an upload that would
 *                           go over it is refused with 413 ({@code sandbox.upload-limit-bytes})
 * @param webcamFps          frames per second of every emulated MJPEG stream ({@code sandbox.webcam.fps})
 * @param latencyMs          every printer's {@code latencyMs} at start and after a reset ({@code sandbox.latency-ms})
 * @param printerKinds       {@code sandbox.printer-kinds}: the kinds given to printers 1, 2, 3, … in turn, round
 *                           robin (at start and after a reset); one {@code octoprint} by default
 * @param stateDir           {@code sandbox.state-dir}: an absolute directory (created when missing, owner-only) where
 *                           the sandbox keeps {@code connections.json}, so that its App Connections, their
 *                           revocations, their webhook registrations and the printers' user API keys survive a
 *                           restart of the server as they survive one of OctoEverywhere. The file holds those
 *                           secrets in clear. The deployment sets {@code ${server.output.dir}/sandbox}; unset or
 *                           blank, nothing is written and every start begins empty
 */
public record SandboxSettings(
        int printers,
        Optional<String> lanIp,
        Duration jobDuration,
        Optional<String> publicUrl,
        double apiKeyFailureRate,
        long uploadLimitBytes,
        int webcamFps,
        long latencyMs,
        List<PrinterKind> printerKinds,
        Optional<Path> stateDir) {

    public static final int MAX_PRINTERS = 10_000;
    /** Longer than any client timeout worth testing, short enough that a forgotten setting cannot hang a test run. */
    public static final long MAX_LATENCY_MS = 600_000;

    public static final long DEFAULT_UPLOAD_LIMIT_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_WEBCAM_FPS = 5;
    public static final int MAX_WEBCAM_FPS = 30;

    private static final Pattern IPV4_LOOPBACK = Pattern.compile(
            "127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)");

    public SandboxSettings {
        if (printers < 1 || printers > MAX_PRINTERS) {
            throw new IllegalArgumentException("sandbox.printers must be 1.." + MAX_PRINTERS + ", got " + printers);
        }
        lanIp = lanIp.map(String::strip).filter(ip -> !ip.isEmpty());
        if (lanIp.isPresent() && !(IPV4_LOOPBACK.matcher(lanIp.get()).matches() || "::1".equals(lanIp.get()))) {
            throw new IllegalArgumentException(
                    "sandbox.lan-ip must be a loopback address (127.x.x.x or ::1), got " + lanIp.get());
        }
        if (jobDuration.isNegative() || jobDuration.isZero()) {
            throw new IllegalArgumentException("sandbox.job-seconds must be positive, got " + jobDuration.toSeconds());
        }
        publicUrl = publicUrl.map(SandboxSettings::withoutTrailingSlash).filter(url -> !url.isBlank());
        if (publicUrl.isPresent() && !publicUrl.get().matches("https?://.+")) {
            throw new IllegalArgumentException(
                    "sandbox.public-url must start with http:// or https://, got " + publicUrl.get());
        }
        if (!(apiKeyFailureRate >= 0 && apiKeyFailureRate <= 1)) {
            throw new IllegalArgumentException("sandbox.api-key-failure-rate must be 0..1, got " + apiKeyFailureRate);
        }
        if (uploadLimitBytes < 0 || uploadLimitBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sandbox.upload-limit-bytes must be 0.." + (Integer.MAX_VALUE - 8)
                    + " (files are kept in memory), got " + uploadLimitBytes);
        }
        if (webcamFps < 1 || webcamFps > MAX_WEBCAM_FPS) {
            throw new IllegalArgumentException(
                    "sandbox.webcam.fps must be 1.." + MAX_WEBCAM_FPS + ", got " + webcamFps);
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException(
                    "sandbox.latency-ms must be 0.." + MAX_LATENCY_MS + ", got " + latencyMs);
        }
        printerKinds = List.copyOf(printerKinds);
        if (printerKinds.isEmpty()) {
            throw new IllegalArgumentException("sandbox.printer-kinds must name at least one kind");
        }
        if (stateDir.isPresent() && !stateDir.get().isAbsolute()) {
            throw new IllegalArgumentException("sandbox.state-dir must be an absolute path, e.g. "
                    + "${server.output.dir}/sandbox, got " + stateDir.get());
        }
        stateDir = stateDir.map(Path::normalize);
    }

    public SandboxSettings(
            int printers,
            Optional<String> lanIp,
            Duration jobDuration,
            Optional<String> publicUrl,
            double apiKeyFailureRate,
            long uploadLimitBytes,
            int webcamFps,
            long latencyMs,
            List<PrinterKind> printerKinds) {
        this(
                printers,
                lanIp,
                jobDuration,
                publicUrl,
                apiKeyFailureRate,
                uploadLimitBytes,
                webcamFps,
                latencyMs,
                printerKinds,
                Optional.empty());
    }

    public SandboxSettings(
            int printers,
            Optional<String> lanIp,
            Duration jobDuration,
            Optional<String> publicUrl,
            double apiKeyFailureRate,
            long uploadLimitBytes,
            int webcamFps,
            long latencyMs) {
        this(
                printers,
                lanIp,
                jobDuration,
                publicUrl,
                apiKeyFailureRate,
                uploadLimitBytes,
                webcamFps,
                latencyMs,
                List.of(PrinterKind.OCTOPRINT));
    }

    public SandboxSettings(
            int printers,
            Optional<String> lanIp,
            Duration jobDuration,
            Optional<String> publicUrl,
            double apiKeyFailureRate,
            long uploadLimitBytes,
            int webcamFps) {
        this(printers, lanIp, jobDuration, publicUrl, apiKeyFailureRate, uploadLimitBytes, webcamFps, 0);
    }

    public SandboxSettings(
            int printers,
            Optional<String> lanIp,
            Duration jobDuration,
            Optional<String> publicUrl,
            double apiKeyFailureRate,
            long uploadLimitBytes) {
        this(printers, lanIp, jobDuration, publicUrl, apiKeyFailureRate, uploadLimitBytes, DEFAULT_WEBCAM_FPS);
    }

    public SandboxSettings(
            int printers,
            Optional<String> lanIp,
            Duration jobDuration,
            Optional<String> publicUrl,
            double apiKeyFailureRate) {
        this(printers, lanIp, jobDuration, publicUrl, apiKeyFailureRate, DEFAULT_UPLOAD_LIMIT_BYTES);
    }

    /** The kind of printer {@code number} (1-based): the pattern's kinds in turn. */
    public PrinterKind kindOf(int number) {
        return printerKinds.get((number - 1) % printerKinds.size());
    }

    /** A copy with another kind pattern. */
    public SandboxSettings withPrinterKinds(List<PrinterKind> kinds) {
        return new SandboxSettings(
                printers,
                lanIp,
                jobDuration,
                publicUrl,
                apiKeyFailureRate,
                uploadLimitBytes,
                webcamFps,
                latencyMs,
                kinds,
                stateDir);
    }

    /** A copy that keeps its state in {@code dir}, or nowhere. */
    public SandboxSettings withStateDir(Optional<Path> dir) {
        return new SandboxSettings(
                printers,
                lanIp,
                jobDuration,
                publicUrl,
                apiKeyFailureRate,
                uploadLimitBytes,
                webcamFps,
                latencyMs,
                printerKinds,
                dir);
    }

    /**
     * {@code sandbox.state-dir}: blank means unset. Fails with the key's name for text that is no path on this
     * system; {@link SandboxSettings} refuses a relative one.
     */
    public static Optional<Path> parseStateDir(String value) {
        String dir = value.strip();
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(dir));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "sandbox.state-dir must be a directory path, got \"" + dir + "\" (" + e.getReason() + ")");
        }
    }

    /**
     * {@code sandbox.printer-kinds}: kinds separated by commas, e.g. {@code octoprint,moonraker,other}; blanks
     * around them are ignored. Fails with the key's name for an empty pattern or an unknown kind.
     */
    public static List<PrinterKind> parseKinds(String pattern) {
        List<PrinterKind> kinds = new ArrayList<>();
        for (String part : pattern.split(",", -1)) {
            kinds.add(PrinterKind.of(part)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "sandbox.printer-kinds must list octoprint, moonraker or other, separated by commas, got \""
                                    + pattern + "\"")));
        }
        return kinds;
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(3, Optional.empty(), Duration.ofSeconds(1800), Optional.empty(), 0);
    }

    private static String withoutTrailingSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
