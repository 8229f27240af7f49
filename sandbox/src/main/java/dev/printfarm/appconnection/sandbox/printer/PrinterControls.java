package dev.printfarm.appconnection.sandbox.printer;

import dev.printfarm.appconnection.sandbox.config.SandboxSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one printer misbehaves.
 *
 * @param online           false makes the relay answer 601; the LAN face does not care
 * @param failWith         a 6xx status the relay (and, for 600..605, the Info API) answers instead of the printer;
 *                         never seen on the LAN face
 * @param latencyMs        delay added to every relayed answer and every LAN answer
 * @param lan              false makes the printer unreachable on the LAN face (503, see the LAN servlet)
 * @param plugin           whether the OctoEverywhere plugin is installed, i.e. whether
 *                         {@code /api/plugin/octoeverywhere} exists
 * @param supporter        false suspends the owner's connections: 605 on the relay and the Info API
 * @param limits           reported by the Info API and enforced by the relay
 * @param octoprintVersion the OctoPrint generation whose shapes the printer answers in, relay and LAN alike
 * @param webcamBackToBack the relay's back-to-back webcam rule (609); empty: no limit
 * @param cutBodyAfterBytes every relayed answer of the printer declares its whole body but sends only this many
 *                         bytes of it before the connection closes; empty: answers arrive whole. The LAN face does
 *                         not care
 * @param kind             what runs on the printer, and so which API it answers besides the command API
 * @param features         the command API's {@code Features} bitmask (0..63); empty: the kind's default
 */
public record PrinterControls(
        boolean online,
        OptionalInt failWith,
        long latencyMs,
        boolean lan,
        boolean plugin,
        boolean supporter,
        PrinterLimits limits,
        OctoPrintVersion octoprintVersion,
        Optional<WebcamBackToBack> webcamBackToBack,
        OptionalLong cutBodyAfterBytes,
        PrinterKind kind,
        OptionalInt features) {

    public static final PrinterControls NORMAL = new PrinterControls(
            true,
            OptionalInt.empty(),
            0,
            true,
            true,
            true,
            PrinterLimits.DEFAULT,
            OctoPrintVersion.V1,
            Optional.empty(),
            OptionalLong.empty(),
            PrinterKind.OCTOPRINT,
            OptionalInt.empty());
    public static final int MIN_FAILURE = 600;
    public static final int MAX_FAILURE = 699;
    public static final long MAX_LATENCY_MS = SandboxSettings.MAX_LATENCY_MS;

    public PrinterControls {
        if (failWith.isPresent() && (failWith.getAsInt() < MIN_FAILURE || failWith.getAsInt() > MAX_FAILURE)) {
            throw new IllegalArgumentException(
                    "failWith must be " + MIN_FAILURE + ".." + MAX_FAILURE + ", got " + failWith.getAsInt());
        }
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("latencyMs must be 0.." + MAX_LATENCY_MS + ", got " + latencyMs);
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(octoprintVersion, "octoprintVersion");
        Objects.requireNonNull(webcamBackToBack, "webcamBackToBack");
        Objects.requireNonNull(cutBodyAfterBytes, "cutBodyAfterBytes");
        if (cutBodyAfterBytes.isPresent() && cutBodyAfterBytes.getAsLong() < 0) {
            throw new IllegalArgumentException(
                    "cutBodyAfterBytes must not be negative, got " + cutBodyAfterBytes.getAsLong());
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(features, "features");
        if (features.isPresent() && (features.getAsInt() < 0 || features.getAsInt() > CommandFeatures.ALL)) {
            throw new IllegalArgumentException(
                    "features must be 0.." + CommandFeatures.ALL + ", got " + features.getAsInt());
        }
    }

    /** What the command API reports and allows: the configured bits, else the kind's. */
    public int effectiveFeatures() {
        return features.orElse(kind.defaultFeatures());
    }

    /** A supporter's printer with the default limits, speaking OctoPrint 1.x. */
    public PrinterControls(boolean online, OptionalInt failWith, long latencyMs, boolean lan, boolean plugin) {
        this(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                true,
                PrinterLimits.DEFAULT,
                OctoPrintVersion.V1,
                Optional.empty(),
                OptionalLong.empty(),
                PrinterKind.OCTOPRINT,
                OptionalInt.empty());
    }

    public PrinterControls withOnline(boolean online) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withFailWith(OptionalInt failWith) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withLatencyMs(long latencyMs) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withLan(boolean lan) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withPlugin(boolean plugin) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withSupporter(boolean supporter) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withLimits(PrinterLimits limits) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withOctoprintVersion(OctoPrintVersion octoprintVersion) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withWebcamBackToBack(Optional<WebcamBackToBack> webcamBackToBack) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withCutBodyAfterBytes(OptionalLong cutBodyAfterBytes) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withKind(PrinterKind kind) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }

    public PrinterControls withFeatures(OptionalInt features) {
        return new PrinterControls(
                online,
                failWith,
                latencyMs,
                lan,
                plugin,
                supporter,
                limits,
                octoprintVersion,
                webcamBackToBack,
                cutBodyAfterBytes,
                kind,
                features);
    }
}
