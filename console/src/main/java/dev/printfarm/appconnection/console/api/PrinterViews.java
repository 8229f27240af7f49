package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PrinterDiscovery;
import dev.printfarm.appconnection.api.appapi.GadgetUpdate;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.error.ConnectionSuspendedException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.fleet.Temperature;
import dev.printfarm.appconnection.console.farm.LanPrinter;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The JSON shapes of the console's API (documented in the README, "Farm console API"): one printer, its job, its
 * temperatures, an error with its remedy, a LAN printer.
 */
public final class PrinterViews {

    /** Where OctoEverywhere's Supporter Perks are renewed, when a 605 carried no link. */
    static final URI SUPPORTER_PAGE = URI.create("https://octoeverywhere.com/supporter");

    private PrinterViews() {}

    /** What the console knows of a printer: the stored connection, the fleet's snapshot (if any), Gadget's last word. */
    public static JsonObjectBuilder printer(
            AppConnection connection, Optional<PrinterView> snapshot, Optional<GadgetUpdate> gadget) {
        ConnectionState state = snapshot.map(PrinterView::state).orElse(connection.state());
        ConnectionRoute route = snapshot.map(PrinterView::route).orElse(ConnectionRoute.RELAY);
        Optional<PrinterView.Failure> error =
                snapshot.flatMap(PrinterView::lastError).filter(e -> state != ConnectionState.ONLINE);
        return Json.createObjectBuilder()
                .add("id", connection.id())
                .add("name", connection.printerName())
                .add("state", state.name())
                .add(
                        "remedy",
                        remedy(state, connection.hasOctoPrintApiKey(), error.flatMap(PrinterView.Failure::remedy)))
                .add("route", route.name())
                .add("statusText", text(snapshot.flatMap(PrinterView::statusText)))
                .add(
                        "job",
                        snapshot.flatMap(PrinterView::job)
                                .<JsonValue>map(PrinterViews::job)
                                .orElse(JsonValue.NULL))
                .add(
                        "temperatures",
                        temperatures(snapshot.map(PrinterView::temperatures).orElse(List.of())))
                .add("gadget", gadget.<JsonValue>map(PrinterViews::gadget).orElse(JsonValue.NULL))
                .add("error", error.<JsonValue>map(PrinterViews::failure).orElse(JsonValue.NULL))
                .add(
                        "updatedAt",
                        snapshot.<JsonValue>map(
                                        s -> Json.createValue(s.updatedAt().toString()))
                                .orElse(JsonValue.NULL))
                .add("lanAddress", text(connection.lastKnownLocalIp()))
                .add("hasOctoPrintApiKey", connection.hasOctoPrintApiKey())
                .add("createdAt", connection.createdAt().toString());
    }

    /** What the operator can do about a state: a sentence, and a link or an action of the page. */
    static JsonValue remedy(ConnectionState state, boolean hasApiKey, Optional<URI> supporterLink) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        switch (state) {
            case SUSPENDED ->
                b.add(
                                "text",
                                "The owner's OctoEverywhere Supporter Perks have lapsed; the printer is"
                                        + " reachable again as soon as they are renewed.")
                        .add("url", supporterLink.orElse(SUPPORTER_PAGE).toString())
                        .add("action", "supporter");
            case REVOKED ->
                b.add(
                                "text",
                                "This App Connection was revoked on OctoEverywhere. Reconnect the printer,"
                                        + " then remove this card.")
                        .add("action", "reconnect");
            case INVALID_CREDENTIALS ->
                b.add(
                                "text",
                                "OctoEverywhere no longer accepts this connection's credentials."
                                        + " Reconnect the printer, then remove this card.")
                        .add("action", "reconnect");
            case PRINTER_OFFLINE ->
                b.add(
                        "text",
                        "The printer is not connected to OctoEverywhere: check that it is"
                                + " powered and online. The card updates by itself when it is back.");
            default -> {
                if (hasApiKey) {
                    return JsonValue.NULL;
                }
                b.add(
                                "text",
                                "No OctoPrint API key: OctoEverywhere could not generate one. Paste one from OctoPrint"
                                        + " (Settings > Application Keys) to allow the LAN route.")
                        .add("action", "api-key");
            }
        }
        return b.build();
    }

    public static JsonObject job(PrintJob job) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("statusText", text(job.statusText()))
                .add("file", text(job.file()))
                .add("progress", number(job.progress()));
        job.printTimeSeconds().ifPresentOrElse(s -> b.add("printTimeSeconds", s), () -> b.addNull("printTimeSeconds"));
        job.printTimeLeftSeconds()
                .ifPresentOrElse(s -> b.add("printTimeLeftSeconds", s), () -> b.addNull("printTimeLeftSeconds"));
        return b.build();
    }

    /** {@code {"bed": {"actual","target"} | null, "tools": [{"name","actual","target"}], "chamber": … | null}}. */
    /** The controls the printer supports: {@code ["PRINT_START", "LIGHT", ...]}, for the page to show only those. */
    public static jakarta.json.JsonArray features(
            java.util.Set<dev.printfarm.appconnection.api.command.CommandFeature> features) {
        jakarta.json.JsonArrayBuilder array = Json.createArrayBuilder();
        features.stream().sorted().forEach(f -> array.add(f.name()));
        return array.build();
    }

    public static JsonObject temperatures(List<Temperature> heaters) {
        JsonObjectBuilder b =
                Json.createObjectBuilder().add("bed", JsonValue.NULL).add("chamber", JsonValue.NULL);
        JsonArrayBuilder tools = Json.createArrayBuilder();
        for (Temperature t : heaters) {
            JsonObjectBuilder heater =
                    Json.createObjectBuilder().add("actual", number(t.actual())).add("target", number(t.target()));
            if (t.heater().equals("bed") || t.heater().equals("chamber")) {
                b.add(t.heater(), heater);
            } else if (t.heater().startsWith("tool")) {
                tools.add(heater.add("name", t.heater()));
            }
        }
        return b.add("tools", tools).build();
    }

    static JsonObject gadget(GadgetUpdate update) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("at", update.at().toString());
        update.status()
                .ifPresent(s -> b.add("state", s.state().name())
                        .add("status", text(s.status()))
                        .add("color", s.color().name())
                        .add("rating", number(s.rating()))
                        .add("meaning", text(s.meaning())));
        update.failure().ifPresent(f -> b.add("error", failure(f)));
        return b.build();
    }

    static JsonObject failure(PrinterView.Failure failure) {
        return Json.createObjectBuilder()
                .add("code", number(failure.octoEverywhereCode()))
                .add("printerStatus", number(failure.printerStatus()))
                .add("message", failure.message())
                .add("temporary", failure.temporary())
                .add(
                        "remedy",
                        failure.remedy()
                                .<JsonValue>map(u -> Json.createValue(u.toString()))
                                .orElse(JsonValue.NULL))
                .build();
    }

    /**
     * An error of the module as the API answers it: {@code {"type", "message", "code", "printerStatus", "temporary",
     * "retryAfterSeconds", "remedy"}}, {@code code} being OctoEverywhere's 6xx and {@code printerStatus} the printer's
     * HTTP status, each {@code null} when there was none.
     */
    public static JsonObject failure(AppConnectionException e) {
        return Json.createObjectBuilder()
                .add("type", e.getClass().getSimpleName())
                .add("message", String.valueOf(e.getMessage()))
                .add("code", number(e.octoEverywhereCode()))
                .add("printerStatus", number(e.printerStatus()))
                .add("temporary", e.isTemporary())
                .add(
                        "retryAfterSeconds",
                        e.retryAfter()
                                .<JsonValue>map(w -> Json.createValue(w.toSeconds()))
                                .orElse(JsonValue.NULL))
                .add(
                        "remedy",
                        e instanceof ConnectionSuspendedException s
                                ? Json.createValue(s.supporterUrl().toString())
                                : JsonValue.NULL)
                .build();
    }

    public static JsonObject lanPrinter(LanPrinter p) {
        PrinterDiscovery d = p.discovery();
        JsonObjectBuilder discovery = Json.createObjectBuilder()
                .add("outcome", d.outcome().name())
                .add("printerId", text(d.printerId()))
                .add("pluginVersion", text(d.pluginVersion()))
                .add("detail", d.detail());
        if (d.outcome() == PrinterDiscovery.Outcome.PLUGIN_MISSING) {
            discovery.add(
                    "help",
                    "Install the OctoEverywhere plugin: in OctoPrint open Settings > Plugin Manager >"
                            + " Get More, search for OctoEverywhere, install it and restart OctoPrint; then check again.");
        }
        return Json.createObjectBuilder()
                .add("id", p.id())
                .add("name", p.name())
                .add("lanUrl", p.lanUrl().toString())
                .add("discovery", discovery)
                .add("connectionId", text(p.connectionId()))
                .add("createdAt", p.createdAt().toString())
                .build();
    }

    static JsonValue text(Optional<String> value) {
        return value.<JsonValue>map(Json::createValue).orElse(JsonValue.NULL);
    }

    static JsonValue number(OptionalDouble value) {
        return value.isPresent() ? Json.createValue(value.getAsDouble()) : JsonValue.NULL;
    }

    static JsonValue number(OptionalInt value) {
        return value.isPresent() ? Json.createValue(value.getAsInt()) : JsonValue.NULL;
    }
}
