package dev.printfarm.appconnection.console.api;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionService;
import dev.printfarm.appconnection.api.ConnectionState;
import dev.printfarm.appconnection.api.PrinterPlatform;
import dev.printfarm.appconnection.api.appapi.LiveLink;
import dev.printfarm.appconnection.api.appapi.LiveLinkOptions;
import dev.printfarm.appconnection.api.appapi.TransferLimits;
import dev.printfarm.appconnection.api.command.CommandFeature;
import dev.printfarm.appconnection.api.command.CommandStatus;
import dev.printfarm.appconnection.api.command.PrinterCommands;
import dev.printfarm.appconnection.api.command.SmartPause;
import dev.printfarm.appconnection.api.error.AppConnectionException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.fleet.PrinterView;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.moonraker.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadOptions;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /console/api/printers}: the farm's printers and what an operator does with them. The list comes from the
 * fleet monitor's snapshots (no printer traffic); one printer's detail asks the printer now. Shapes: README, "Farm
 * console API".
 */
@Path("/printers")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PrintersResource {

    /** A file name OctoPrint stores at the top of its local storage. */
    private static final Pattern GCODE_NAME =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()+-]{0,199}\\.(gcode|gco|g)", Pattern.CASE_INSENSITIVE);

    @Inject
    AppConnectionService connections;

    @Inject
    ConsoleLive live;

    @GET
    public JsonArray list() {
        Map<String, PrinterView> snapshots = live.snapshots();
        JsonArrayBuilder array = Json.createArrayBuilder();
        live.farm()
                .values()
                .forEach(c -> array.add(
                        PrinterViews.printer(c, Optional.ofNullable(snapshots.get(c.id())), live.gadget(c.id()))));
        return array.build();
    }

    /** The printer as the list shows it, then what it answers now: OctoPrint's version, the job, the temperatures. */
    @GET
    @Path("/{id}")
    public JsonObject detail(@PathParam("id") String id) {
        ours(id);
        JsonObjectBuilder now = Json.createObjectBuilder();
        PrinterPlatform platform = PrinterPlatform.UNKNOWN;
        try {
            platform = connections.platform(id);
            now.add("platform", platform.name());
            switch (platform) {
                case MOONRAKER -> {
                    MoonrakerStatus klipper = connections.moonraker(id).status();
                    now.addNull("octoprintVersion")
                            .add("statusText", klipper.statusText())
                            .add("job", PrinterViews.job(klipper.job()))
                            .add("temperatures", PrinterViews.temperatures(klipper.temperatures()));
                    controls(id, platform, now, Optional.empty());
                }
                case OTHER -> {
                    CommandStatus status = connections.commands(id).status();
                    now.addNull("octoprintVersion")
                            .add("statusText", status.statusText())
                            .add("job", PrinterViews.job(status.job()))
                            .add("temperatures", PrinterViews.temperatures(status.temperatures()));
                    controls(id, platform, now, Optional.of(status));
                }
                default -> {
                    OctoPrintClient octoPrint = connections.octoPrint(id);
                    now.add(
                            "octoprintVersion",
                            PrinterViews.text(octoPrint.version().server()));
                    PrintJob job = octoPrint.job();
                    OctoPrintPrinterState printer = octoPrint.printer();
                    now.add("statusText", PrinterViews.text(printer.stateText().or(job::statusText)))
                            .add("job", PrinterViews.job(job))
                            .add("temperatures", PrinterViews.temperatures(printer.temperatures()));
                    controls(id, platform, now, Optional.empty());
                }
            }
            now.add("error", JsonValue.NULL);
        } catch (AppConnectionException e) {
            now.add("platform", platform.name()).addNull("octoprintVersion").add("error", PrinterViews.failure(e));
        }
        // Read again: the calls above may just have taught the module something about the connection.
        AppConnection connection =
                live.readAgain(id).orElseThrow(() -> new NotFoundException("No printer " + id + " in this farm"));
        JsonObjectBuilder view = PrinterViews.printer(
                connection, Optional.ofNullable(live.snapshots().get(id)), live.gadget(id));
        if (connection.state() != ConnectionState.UNKNOWN) {
            view.add("state", connection.state().name());
        }
        return view.add("route", connections.route(id).name()).addAll(now).build();
    }

    /**
     * What the page may offer besides pause, resume and cancel: the command API's {@code features} and {@code lights}
     * for every platform (it is printer-agnostic), and upload-and-print wherever the console prints through the
     * printer's own API (OctoPrint, Moonraker). When the command API cannot answer, only that is offered, and
     * {@code featuresError} says why.
     */
    private void controls(String id, PrinterPlatform platform, JsonObjectBuilder now, Optional<CommandStatus> known) {
        Set<CommandFeature> features = EnumSet.noneOf(CommandFeature.class);
        if (platform != PrinterPlatform.OTHER) {
            features.add(CommandFeature.PRINT_START);
        }
        try {
            CommandStatus status =
                    known.isPresent() ? known.get() : connections.commands(id).status();
            features.addAll(status.features());
            JsonArrayBuilder lights = Json.createArrayBuilder();
            status.lights()
                    .forEach(l -> lights.add(
                            Json.createObjectBuilder().add("name", l.name()).add("on", l.on())));
            now.add("lights", lights).addNull("featuresError");
        } catch (AppConnectionException e) {
            now.add("lights", JsonValue.EMPTY_JSON_ARRAY).add("featuresError", PrinterViews.failure(e));
        }
        now.add("features", PrinterViews.features(features));
    }

    /** Homes the printer through the command API; 409 when it does not support homing. */
    @POST
    @Path("/{id}/home")
    public Response home(@PathParam("id") String id) {
        ours(id);
        connections.commands(id).home();
        return Response.noContent().build();
    }

    /** Turns one of the printer's lights on or off through the command API; 409 when it has no light control. */
    @POST
    @Path("/{id}/light")
    public Response light(@PathParam("id") String id, @QueryParam("name") String name, @QueryParam("on") String on) {
        ours(id);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BadRequestException("name: the light's name as the printer's status lists it (1-100 characters)");
        }
        if (!"true".equals(on) && !"false".equals(on)) {
            throw new BadRequestException("on: true or false");
        }
        connections.commands(id).setLight(name, Boolean.parseBoolean(on));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/pause")
    public Response pause(@PathParam("id") String id) {
        ours(id);
        switch (clientFor(id)) {
            case OCTOPRINT -> connections.octoPrint(id).pausePrint();
            case MOONRAKER -> connections.moonraker(id).pausePrint();
            default -> connections.commands(id).pausePrint(SmartPause.plain());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        ours(id);
        switch (clientFor(id)) {
            case OCTOPRINT -> connections.octoPrint(id).resumePrint();
            case MOONRAKER -> connections.moonraker(id).resumePrint();
            default -> connections.commands(id).resumePrint();
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        ours(id);
        switch (clientFor(id)) {
            case OCTOPRINT -> connections.octoPrint(id).cancelPrint();
            case MOONRAKER -> connections.moonraker(id).cancelPrint();
            default -> connections.commands(id).cancelPrint();
        }
        return Response.noContent().build();
    }

    /**
     * Whose API the console uses for the printer: its own (OctoPrint, also for a printer that may be one, or
     * Moonraker), else the command API ({@code OTHER}).
     */
    private PrinterPlatform clientFor(String id) {
        PrinterPlatform platform = connections.platform(id);
        return platform == PrinterPlatform.UNKNOWN ? PrinterPlatform.OCTOPRINT : platform;
    }

    /** The account's transfer limits, for the page's check before an upload. */
    @GET
    @Path("/{id}/limits")
    public JsonObject limits(@PathParam("id") String id) {
        ours(id);
        TransferLimits limits = connections.info(id).limits();
        JsonObjectBuilder b = Json.createObjectBuilder();
        limits.maxUploadBytes().ifPresentOrElse(v -> b.add("maxUploadBytes", v), () -> b.addNull("maxUploadBytes"));
        limits.maxDownloadBytes()
                .ifPresentOrElse(v -> b.add("maxDownloadBytes", v), () -> b.addNull("maxDownloadBytes"));
        return b.build();
    }

    /**
     * Uploads the request body as {@code file} to the printer's local storage and prints it: the body streams through,
     * it is not kept here. Over the account's upload limit: 413 before anything is sent.
     */
    @POST
    @Path("/{id}/print")
    @Consumes(MediaType.WILDCARD)
    public JsonObject print(
            @PathParam("id") String id,
            @QueryParam("file") String file,
            @HeaderParam("Content-Length") Long length,
            InputStream body) {
        ours(id);
        if (file == null || !GCODE_NAME.matcher(file).matches() || file.contains("..")) {
            throw new BadRequestException(
                    "file: a G-code file name such as cube.gcode (letters, digits, space . _ ( ) + -;"
                            + " ending .gcode, .gco or .g)");
        }
        if (length == null || length <= 0) {
            throw new WebApplicationException("Send the file as the request body with its Content-Length", 411);
        }
        PrinterPlatform client = clientFor(id);
        if (client == PrinterPlatform.MOONRAKER) {
            MoonrakerUploadResult result = connections.moonraker(id).upload(file, body, length, true);
            return Json.createObjectBuilder()
                    .add("file", file)
                    .add("bytes", length)
                    .add("printing", result.printStarted())
                    .build();
        }
        if (client == PrinterPlatform.OTHER) {
            // A printer without OctoPrint or Moonraker takes files through the command API: upload, then start.
            PrinterCommands commands = connections.commands(id);
            String path = "gcode/" + file;
            commands.upload(path, body, length);
            commands.startPrint(path);
            return Json.createObjectBuilder()
                    .add("file", file)
                    .add("bytes", length)
                    .add("printing", true)
                    .build();
        }
        OctoPrintUploadResult result = connections
                .octoPrint(id)
                .upload(OctoPrintStorage.LOCAL, file, body, length, OctoPrintUploadOptions.printIt());
        return Json.createObjectBuilder()
                .add("file", file)
                .add("bytes", length)
                .add("printing", result.printing())
                .build();
    }

    @POST
    @Path("/{id}/live-link")
    public JsonObject liveLink(@PathParam("id") String id, @QueryParam("hours") Integer hours) {
        ours(id);
        int h = hours == null ? 24 : hours;
        if (h < 1 || h > LiveLinkOptions.MAX_HOURS) {
            throw new BadRequestException("hours: 1 to " + LiveLinkOptions.MAX_HOURS);
        }
        LiveLink link = connections.createLiveLink(id, LiveLinkOptions.expiringAfterHours(h));
        return Json.createObjectBuilder()
                .add("url", link.url().toString())
                .add("shortUrl", PrinterViews.text(link.shortUrl().map(Object::toString)))
                .add("hours", h)
                .build();
    }

    /** {@code {"apiKey": "..."}}: stores a pasted OctoPrint API key, encrypted like the connection's other secrets. */
    @PUT
    @Path("/{id}/octoprint-api-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apiKey(@PathParam("id") String id, JsonObject body) {
        ours(id);
        JsonValue key = body == null ? null : body.get("apiKey");
        if (!(key instanceof JsonString text)) {
            throw new BadRequestException("Send {\"apiKey\": \"<the OctoPrint API key>\"}");
        }
        connections.setOctoPrintApiKey(id, text.getString());
        live.reload();
        live.listsChanged();
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        ours(id);
        connections.remove(id);
        return Response.noContent().build();
    }

    private AppConnection ours(String id) {
        return live.connection(id)
                .or(() -> Optional.ofNullable(live.reload().get(id)))
                .orElseThrow(() -> new NotFoundException("No printer " + id + " in this farm"));
    }
}
