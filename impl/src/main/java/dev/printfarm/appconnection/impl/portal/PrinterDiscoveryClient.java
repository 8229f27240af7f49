package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.PrinterDiscovery.Outcome;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.UnreadableAnswerException;
import dev.printfarm.appconnection.impl.octoprint.OctoEverywherePluginAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoEverywherePluginApi;
import dev.printfarm.appconnection.impl.route.RestClients;
import dev.printfarm.appconnection.impl.route.Target;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** Reads a LAN printer's OctoEverywhere printer id from the plugin's API (reference §2.1). */
@ApplicationScoped
public class PrinterDiscoveryClient {

    @Inject
    RestClients restClients;

    public PrinterDiscovery discover(URI lanUrl, Optional<String> apiKey) {
        validate(lanUrl);
        Target printer = new Target("discovery", ConnectionRoute.LAN, lanUrl, Map.of());
        try {
            return fromAnswer(
                    restClients.call(printer, OctoEverywherePluginApi.class, api -> api.plugin(apiKey.orElse(null))));
        } catch (PrinterResponseException e) {
            int status = e.printerStatus().orElse(0);
            if (status == 404) {
                return new PrinterDiscovery(
                        Outcome.PLUGIN_MISSING,
                        Optional.empty(),
                        Optional.empty(),
                        "OctoPrint answered, but the OctoEverywhere plugin is not installed. Install it from OctoPrint's"
                                + " plugin manager (search \"OctoEverywhere\"), then try again.");
            }
            return new PrinterDiscovery(
                    Outcome.UNEXPECTED_ANSWER,
                    Optional.empty(),
                    Optional.empty(),
                    status >= 400
                            ? "The printer answered HTTP " + status
                                    + (status == 403 ? " (is the OctoPrint API key right?)" : "")
                            : e.getMessage());
        } catch (UnreadableAnswerException e) {
            return new PrinterDiscovery(Outcome.UNEXPECTED_ANSWER, Optional.empty(), Optional.empty(), e.getMessage());
        } catch (ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof UnreadableAnswerException || t instanceof PrinterResponseException) {
                    AppConnectionException unusable = (AppConnectionException) t;
                    return new PrinterDiscovery(
                            Outcome.UNEXPECTED_ANSWER, Optional.empty(), Optional.empty(), unusable.getMessage());
                }
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            Throwable root = cause.getCause() == null ? cause : cause.getCause();
            return new PrinterDiscovery(
                    Outcome.UNREACHABLE,
                    Optional.empty(),
                    Optional.empty(),
                    "Nothing answered at " + lanUrl + " (" + root.getClass().getSimpleName() + ")");
        }
    }

    static PrinterDiscovery fromAnswer(OctoEverywherePluginAnswer answer) {
        Optional<String> printerId = usable(answer.printerId());
        Optional<String> version = usable(answer.pluginVersion());
        if (printerId.isEmpty()) {
            return new PrinterDiscovery(
                    Outcome.UNEXPECTED_ANSWER,
                    Optional.empty(),
                    version,
                    "The OctoEverywhere plugin answered without a printer id");
        }
        return new PrinterDiscovery(
                Outcome.FOUND,
                printerId,
                version,
                "Found OctoEverywhere printer " + printerId.get()
                        + version.map(v -> " (plugin " + v + ")").orElse(""));
    }

    /** An id or version as the plugin writes them; a longer text is not one. */
    private static Optional<String> usable(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> t.length() <= 128);
    }

    private static void validate(URI lanUrl) {
        if (lanUrl == null
                || !lanUrl.isAbsolute()
                || lanUrl.getHost() == null
                || lanUrl.getRawUserInfo() != null
                || !("http".equalsIgnoreCase(lanUrl.getScheme()) || "https".equalsIgnoreCase(lanUrl.getScheme()))) {
            throw new IllegalArgumentException("lanUrl must be an absolute http(s) URL without user info, e.g."
                    + " http://192.168.1.5, was " + lanUrl);
        }
    }
}
