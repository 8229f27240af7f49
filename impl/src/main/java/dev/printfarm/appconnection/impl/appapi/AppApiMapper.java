package dev.printfarm.appconnection.impl.appapi;

import dev.printfarm.appconnection.api.appapi.GadgetStatus;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.PrinterInfo;
import dev.printfarm.appconnection.api.appapi.TransferLimits;
import dev.printfarm.appconnection.api.appapi.WebhookTest;
import dev.printfarm.appconnection.impl.json.Optionals;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The App APIs' answers ({@link AppApiAnswers}) as the module's values; texts are stripped. */
public final class AppApiMapper {

    private static final AppApiAnswers.Limits NO_LIMITS = new AppApiAnswers.Limits(null, null, null);

    private AppApiMapper() {}

    public static PrinterInfo info(AppApiAnswers.Info o) {
        AppApiAnswers.Limits limits = Objects.requireNonNullElse(o.printerLimits(), NO_LIMITS);
        return new PrinterInfo(
                text(o.printerName()),
                text(o.printerLocalIp()),
                Optionals.isTrue(o.isOnline()),
                Optional.ofNullable(o.lastConnectionTimeUtc()),
                Optional.ofNullable(o.lastDisconnectTimeUtc()),
                text(o.userFacingPrinterUrl()).flatMap(AppApiMapper::httpUrl),
                new TransferLimits(
                        Optionals.of(limits.maxDownloadFileSizeBytes()),
                        Optionals.of(limits.maxUploadFileSizeBytes()),
                        Optionals.of(limits.maxSingleWebcamStreamLengthSeconds())));
    }

    /** Empty when the answer names no link (nothing usable to give the caller). */
    public static Optional<LiveLink> liveLink(AppApiAnswers.LiveLink o) {
        Optional<URI> url = text(o.url()).flatMap(AppApiMapper::httpUrl);
        Optional<String> id = text(o.liveId());
        if (url.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LiveLink(id.get(), url.get(), text(o.shortUrl()).flatMap(AppApiMapper::httpUrl)));
    }

    public static GadgetStatus gadget(AppApiAnswers.Gadget o) {
        GadgetStatus.State state = switch (Objects.requireNonNullElse(o.state(), -1)) {
            case 0 -> GadgetStatus.State.DISABLED;
            case 1 -> GadgetStatus.State.DISABLED_FOR_CURRENT_PRINT;
            case 2 -> GadgetStatus.State.IDLE;
            case 3 -> GadgetStatus.State.ACTIVE;
            case 4 -> GadgetStatus.State.PAUSED_DUE_TO_FAILURE;
            default -> GadgetStatus.State.UNKNOWN;
        };
        GadgetStatus.Color color = switch (text(o.statusColor()).orElse("w").toLowerCase(Locale.ROOT)) {
            case "g" -> GadgetStatus.Color.GREEN;
            case "y" -> GadgetStatus.Color.YELLOW;
            case "r" -> GadgetStatus.Color.RED;
            default -> GadgetStatus.Color.WHITE;
        };
        return new GadgetStatus(state, text(o.status()), color, Optionals.of(o.rating()));
    }

    /** {@code TestWebhook}'s answer: the status the webhook URL gave, or why it gave none. */
    public static WebhookTest webhookTest(AppApiAnswers.WebhookTest o) {
        return new WebhookTest(Optionals.of(o.statusCode()), text(o.error()));
    }

    /** An absolute http(s) URL, or empty. */
    public static Optional<URI> httpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return uri.isAbsolute()
                            && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip);
    }
}
