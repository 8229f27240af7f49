package dev.printfarm.appconnection.impl.portal;

import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.PrinterDiscovery.Outcome;
import dev.printfarm.appconnection.impl.internal.BoundedBodies;
import dev.printfarm.appconnection.impl.internal.EntityCap;
import dev.printfarm.appconnection.impl.internal.ModuleConfig;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJsonProvider;
import dev.printfarm.appconnection.impl.octoprint.OctoEverywherePluginAnswer;
import dev.printfarm.appconnection.impl.octoprint.OctoEverywherePluginApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Reads a LAN printer's OctoEverywhere printer id from the plugin's API (reference §2.1). */
@ApplicationScoped
public class PrinterDiscoveryClient {

    @Inject
    ModuleConfig config;

    public PrinterDiscovery discover(URI lanUrl, Optional<String> apiKey) {
        validate(lanUrl);
        java.util.concurrent.atomic.AtomicReference<Object> self = new java.util.concurrent.atomic.AtomicReference<>();
        OctoEverywherePluginApi api = RestClientBuilder.newBuilder()
                .baseUri(lanUrl)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(new EntityCap(config.bodyLimits(), () -> close(self.get())))
                .register(WireJsonProvider.INSTANCE)
                .register(JsonAnswers.fromPrinter(null))
                .build(OctoEverywherePluginApi.class);
        self.set(api);
        try {
            return fromAnswer(api.plugin(apiKey.orElse(null)));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return new PrinterDiscovery(Outcome.PLUGIN_MISSING, Optional.empty(), Optional.empty(),
                        "OctoPrint answered, but the OctoEverywhere plugin is not installed. Install it from OctoPrint's"
                                + " plugin manager (search \"OctoEverywhere\"), then try again.");
            }
            return new PrinterDiscovery(Outcome.UNEXPECTED_ANSWER, Optional.empty(), Optional.empty(),
                    "The printer answered HTTP " + status + (status == 403 ? " (is the OctoPrint API key right?)" : ""));
        } catch (ProcessingException e) {
            var tooLarge = BoundedBodies.find(e);
            if (tooLarge.isPresent()) {
                return new PrinterDiscovery(Outcome.UNEXPECTED_ANSWER, Optional.empty(), Optional.empty(),
                        "The printer's answer is larger than " + tooLarge.get().limit() + " bytes");
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new PrinterDiscovery(Outcome.UNREACHABLE, Optional.empty(), Optional.empty(),
                    "Nothing answered at " + lanUrl + " (" + cause.getClass().getSimpleName() + ")");
        } finally {
            close(api);
        }
    }

    private static void close(Object api) {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Only frees the client's pool; the answer is already read.
            }
        }
    }

    static PrinterDiscovery fromAnswer(OctoEverywherePluginAnswer answer) {
        Optional<String> printerId = usable(answer.printerId());
        Optional<String> version = usable(answer.pluginVersion());
        if (printerId.isEmpty()) {
            return new PrinterDiscovery(Outcome.UNEXPECTED_ANSWER, Optional.empty(), version,
                    "The OctoEverywhere plugin answered without a printer id");
        }
        return new PrinterDiscovery(Outcome.FOUND, printerId, version,
                "Found OctoEverywhere printer " + printerId.get() + version.map(v -> " (plugin " + v + ")").orElse(""));
    }

    /** An id or version as the plugin writes them; a longer text is not one. */
    private static Optional<String> usable(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> t.length() <= 128);
    }

    private static void validate(URI lanUrl) {
        if (lanUrl == null || !lanUrl.isAbsolute() || lanUrl.getHost() == null || lanUrl.getRawUserInfo() != null
                || !("http".equalsIgnoreCase(lanUrl.getScheme()) || "https".equalsIgnoreCase(lanUrl.getScheme()))) {
            throw new IllegalArgumentException("lanUrl must be an absolute http(s) URL without user info, e.g."
                    + " http://192.168.1.5, was " + lanUrl);
        }
    }
}
