package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.ConnectRequest;
import dev.printfarm.appconnection.api.FileDownload;
import dev.printfarm.appconnection.api.FileListing;
import dev.printfarm.appconnection.api.FileLocation;
import dev.printfarm.appconnection.api.JobStatus;
import dev.printfarm.appconnection.api.Jog;
import dev.printfarm.appconnection.api.OctoEverywherePlugin;
import dev.printfarm.appconnection.api.OctoPrintClient;
import dev.printfarm.appconnection.api.OctoPrintLogin;
import dev.printfarm.appconnection.api.OctoPrintServer;
import dev.printfarm.appconnection.api.OctoPrintSettings;
import dev.printfarm.appconnection.api.OctoPrintVersion;
import dev.printfarm.appconnection.api.PrinterFile;
import dev.printfarm.appconnection.api.PrinterProfile;
import dev.printfarm.appconnection.api.PrinterQuery;
import dev.printfarm.appconnection.api.PrinterResponseException;
import dev.printfarm.appconnection.api.PrinterStatus;
import dev.printfarm.appconnection.api.SystemCommand;
import dev.printfarm.appconnection.api.TransferLimitException;
import dev.printfarm.appconnection.api.TransferLimits;
import dev.printfarm.appconnection.api.UploadOptions;
import dev.printfarm.appconnection.api.UploadResult;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.route.MultipartForm;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link OctoPrintClient} for one connection: every call under the connection's guard, on its current route. JSON
 * calls go through a MicroProfile Rest Client; uploads and downloads through the JDK {@code HttpClient}, which
 * streams.
 */
final class RoutedOctoPrintClient implements OctoPrintClient {

    private static final Pattern TOOL = Pattern.compile("tool\\d{1,2}");
    private static final int MAX_GCODE_LINES = 1000;

    private final AppConnection connection;
    private final ConnectionSecrets secrets;
    private final OctoPrintClients shared;

    RoutedOctoPrintClient(AppConnection connection, ConnectionSecrets secrets, OctoPrintClients shared) {
        this.connection = connection;
        this.secrets = secrets;
        this.shared = shared;
    }

    @Override
    public OctoPrintVersion version() {
        OctoPrintVersion version = read(api -> OctoPrintJson.version(api.version()));
        shared.rememberTwoOrLater(connection.id(), OctoPrintLocations.twoOrLater(version.server()));
        return version;
    }

    @Override
    public OctoPrintServer server() {
        return read(api -> OctoPrintJson.server(api.server()));
    }

    @Override
    public OctoPrintLogin passiveLogin() {
        JsonObject body = Json.createObjectBuilder().add("passive", true).build();
        return read(api -> OctoPrintJson.login(api.login(body)));
    }

    @Override
    public dev.printfarm.appconnection.api.SerialConnection serialConnection() {
        return read(api -> OctoPrintJson.connection(api.connection()));
    }

    @Override
    public void connectSerial(ConnectRequest request) {
        Objects.requireNonNull(request, "request");
        JsonObjectBuilder body = Json.createObjectBuilder().add("command", "connect");
        request.port().ifPresent(port -> body.add("port", port));
        request.baudrate().ifPresent(baudrate -> body.add("baudrate", baudrate));
        request.printerProfile().ifPresent(profile -> body.add("printerProfile", profile));
        body.add("save", request.save()).add("autoconnect", request.autoconnect());
        JsonObject json = body.build();
        command(api -> api.connectionCommand(json));
    }

    @Override
    public void disconnectSerial() {
        JsonObject body = Json.createObjectBuilder().add("command", "disconnect").build();
        command(api -> api.connectionCommand(body));
    }

    @Override
    public PrinterStatus printer() {
        return printer(PrinterQuery.all());
    }

    @Override
    public PrinterStatus printer(PrinterQuery query) {
        Objects.requireNonNull(query, "query");
        String exclude = query.exclude().isEmpty() ? null : String.join(",", new TreeSet<>(query.exclude()));
        Boolean history = query.history() ? Boolean.TRUE : null;
        Integer limit = query.historyLimit().isPresent() ? query.historyLimit().getAsInt() : null;
        return read(api -> OctoPrintJson.printer(api.printer(exclude, history, limit)));
    }

    @Override
    public void setToolTargets(Map<String, Double> targets) {
        JsonObject body = Json.createObjectBuilder().add("command", "target").add("targets", tools(targets, 0, 500)).build();
        command(api -> api.printerCommand("tool", body));
    }

    @Override
    public void setToolOffsets(Map<String, Double> offsets) {
        JsonObject body = Json.createObjectBuilder().add("command", "offset").add("offsets", tools(offsets, -50, 50)).build();
        command(api -> api.printerCommand("tool", body));
    }

    @Override
    public void setBedTarget(double target) {
        heater("bed", "target", "target", target, 0, 500);
    }

    @Override
    public void setBedOffset(double offset) {
        heater("bed", "offset", "offset", offset, -50, 50);
    }

    @Override
    public void setChamberTarget(double target) {
        heater("chamber", "target", "target", target, 0, 500);
    }

    @Override
    public void setChamberOffset(double offset) {
        heater("chamber", "offset", "offset", offset, -50, 50);
    }

    private void heater(String part, String command, String key, double value, double min, double max) {
        JsonObject body = Json.createObjectBuilder().add("command", command).add(key, checked(part, value, min, max)).build();
        command(api -> api.printerCommand(part, body));
    }

    private static JsonObject tools(Map<String, Double> values, double min, double max) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("give at least one tool, e.g. {\"tool0\": 210}");
        }
        JsonObjectBuilder tools = Json.createObjectBuilder();
        for (Map.Entry<String, Double> e : new java.util.TreeMap<>(values).entrySet()) {
            if (!TOOL.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("tool names are tool0, tool1, ...; got " + e.getKey());
            }
            tools.add(e.getKey(), checked(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()), min, max));
        }
        return tools.build();
    }

    private static double checked(String what, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + " °C, got " + value);
        }
        return value;
    }

    @Override
    public void jog(Jog jog) {
        Objects.requireNonNull(jog, "jog");
        JsonObjectBuilder body = Json.createObjectBuilder().add("command", "jog");
        jog.x().ifPresent(v -> body.add("x", v));
        jog.y().ifPresent(v -> body.add("y", v));
        jog.z().ifPresent(v -> body.add("z", v));
        if (jog.absolute()) {
            body.add("absolute", true);
        }
        jog.speed().ifPresent(v -> body.add("speed", v));
        JsonObject json = body.build();
        command(api -> api.printerCommand("printhead", json));
    }

    @Override
    public void home(Set<Axis> axes) {
        if (axes == null || axes.isEmpty()) {
            throw new IllegalArgumentException("home needs at least one axis");
        }
        JsonArrayBuilder names = Json.createArrayBuilder();
        new TreeSet<>(axes).forEach(axis -> names.add(axis.name().toLowerCase(Locale.ROOT)));
        JsonObject body = Json.createObjectBuilder().add("command", "home").add("axes", names).build();
        command(api -> api.printerCommand("printhead", body));
    }

    @Override
    public void sendGcode(List<String> commands) {
        if (commands == null || commands.isEmpty() || commands.size() > MAX_GCODE_LINES) {
            throw new IllegalArgumentException("send between 1 and " + MAX_GCODE_LINES + " G-code lines");
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (String line : commands) {
            if (line == null || line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("each G-code command is one non-blank line");
            }
            lines.add(line.strip());
        }
        JsonObject body = Json.createObjectBuilder().add("commands", lines).build();
        command(api -> api.printerCommand("command", body));
    }

    @Override
    public JobStatus job() {
        return read(api -> OctoPrintJson.job(api.job()));
    }

    @Override
    public void startJob() {
        jobCommand("start", null);
    }

    @Override
    public void cancelJob() {
        jobCommand("cancel", null);
    }

    @Override
    public void restartJob() {
        jobCommand("restart", null);
    }

    @Override
    public void pauseJob() {
        jobCommand("pause", "pause");
    }

    @Override
    public void resumeJob() {
        jobCommand("pause", "resume");
    }

    @Override
    public void togglePauseJob() {
        jobCommand("pause", "toggle");
    }

    private void jobCommand(String command, String action) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("command", command);
        if (action != null) {
            body.add("action", action);
        }
        JsonObject json = body.build();
        command(api -> api.jobCommand(json));
    }

    @Override
    public FileListing files() {
        return read(api -> OctoPrintJson.files(api.files(Boolean.TRUE), Optional.empty()));
    }

    @Override
    public FileListing files(FileLocation location, boolean recursive) {
        String name = locationName(location);
        Boolean deep = recursive ? Boolean.TRUE : null;
        return read(api -> OctoPrintJson.files(api.files(name, deep), Optional.of(location)));
    }

    @Override
    public Optional<PrinterFile> file(FileLocation location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        try {
            return call(target -> OctoPrintJson.file(json(target, "GET", filePath(name, encoded), null), location),
                    CallKind.READ);
        } catch (PrinterResponseException e) {
            if (e.status().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deleteFile(FileLocation location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        call(target -> json(target, "DELETE", filePath(name, encoded), null), CallKind.COMMAND);
    }

    @Override
    public void selectFile(FileLocation location, String path, boolean print) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        JsonObject body = Json.createObjectBuilder().add("command", "select").add("print", print).build();
        call(target -> json(target, "POST", filePath(name, encoded), body), CallKind.COMMAND);
    }

    private static String filePath(String location, String encodedPath) {
        return "/api/files/" + location + "/" + encodedPath;
    }

    /** A JSON call through the JDK client, for paths a Rest Client would mangle; the answer's object, or null. */
    private JsonObject json(Target target, String method, String encodedPath, JsonObject body) {
        HttpRequest.Builder request = shared.transport().request(target, encodedPath, shared.config().readTimeout())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = shared.transport().send(target, request.build(), shared.transport().text());
        if (response.statusCode() >= 400) {
            throw shared.transport().error(target, response.statusCode());
        }
        return parse(response.body());
    }

    @Override
    public UploadResult upload(FileLocation location, String path, InputStream content, long size, UploadOptions options) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(options, "options");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        String folder = FilePaths.folder(path);
        String fileName = FilePaths.fileName(path);
        String name = locationName(location);
        return shared.upload(connection, secrets, path, content, size, false, sending -> {
            MultipartForm form = new MultipartForm();
            if (!folder.isEmpty()) {
                form.field("path", folder);
            }
            form.field("select", String.valueOf(options.select())).field("print", String.valueOf(options.print()));
            Target target = sending.target();
            HttpRequest request = shared.transport().request(target, "/api/files/" + name, sending.timeout())
                    .header("Content-Type", form.contentType())
                    .POST(form.withFile(fileName, sending.body(), sending.size())).build();
            HttpResponse<String> response = shared.transport().send(target, request, shared.transport().text());
            if (response.statusCode() >= 400) {
                throw shared.transport().error(target, response.statusCode());
            }
            return OctoPrintJson.upload(parse(response.body()), location);
        });
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read() instanceof JsonObject o ? o : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    @Override
    public FileDownload download(FileLocation location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        TransferLimits limits = shared.appApi().limits(connection, secrets);
        OptionalLong limit = limits.maxDownloadBytes();
        if (limit.isPresent()) {
            // Ask for the size first: the body is not requested at all when it is over the limit.
            OptionalLong size = file(location, path).map(PrinterFile::size).orElse(OptionalLong.empty());
            if (size.isPresent() && size.getAsLong() > limit.getAsLong()) {
                throw new TransferLimitException("A download of " + size.getAsLong()
                        + " bytes is over the account's download limit of " + limit.getAsLong() + " bytes; it was not requested",
                        connection.id(), TransferLimitException.Direction.DOWNLOAD, limit.getAsLong());
            }
        }
        return call(target -> {
            HttpRequest request = shared.transport().request(target, "/downloads/files/" + name + "/" + encoded,
                    shared.config().readTimeout()).GET().build();
            HttpResponse<InputStream> response = shared.transport().send(target, request,
                    HttpResponse.BodyHandlers.ofInputStream());
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            if (response.statusCode() >= 400) {
                close(response.body());
                throw shared.transport().error(target, response.statusCode());
            }
            if (length.isPresent() && limit.isPresent() && length.getAsLong() > limit.getAsLong()) {
                close(response.body());
                throw new TransferLimitException("A download of " + length.getAsLong()
                        + " bytes is over the account's download limit of " + limit.getAsLong() + " bytes",
                        connection.id(), TransferLimitException.Direction.DOWNLOAD, limit.getAsLong());
            }
            return new FileDownload(shared.guarded(response.body(), "The download of " + path), length,
                    response.headers().firstValue("Content-Type"));
        }, CallKind.READ);
    }

    private static void close(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public OctoPrintSettings settings() {
        return read(api -> OctoPrintJson.settings(api.settings()));
    }

    @Override
    public List<PrinterProfile> printerProfiles() {
        return read(api -> OctoPrintJson.printerProfiles(api.printerProfiles()));
    }

    @Override
    public List<SystemCommand> systemCommands() {
        return read(api -> OctoPrintJson.systemCommands(api.systemCommands()));
    }

    @Override
    public void runSystemCommand(SystemCommand command) {
        Objects.requireNonNull(command, "command");
        String source = FilePaths.encode(command.source());
        String action = FilePaths.encode(command.action());
        command(api -> api.systemCommand(source, action));
    }

    @Override
    public Optional<OctoEverywherePlugin> octoEverywherePlugin() {
        try {
            return read(api -> OctoPrintJson.plugin(api.plugin()));
        } catch (PrinterResponseException e) {
            if (e.status().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The name of a location as this printer's OctoPrint spells it; asks its version once when it matters. */
    private String locationName(FileLocation location) {
        Objects.requireNonNull(location, "location");
        if (location == FileLocation.LOCAL) {
            return "local";
        }
        Boolean known = shared.knownTwoOrLater(connection.id());
        if (known == null) {
            version();
            known = shared.knownTwoOrLater(connection.id());
        }
        return OctoPrintLocations.name(location, Boolean.TRUE.equals(known));
    }

    private void command(Consumer<OctoPrintApi> request) {
        rest(CallKind.COMMAND, api -> {
            request.accept(api);
            return null;
        });
    }

    private <R> R read(Function<OctoPrintApi, R> request) {
        return rest(CallKind.READ, request);
    }

    private <R> R call(Function<Target, R> request, CallKind kind) {
        return shared.call(connection, secrets, kind, request);
    }

    private <R> R rest(CallKind kind, Function<OctoPrintApi, R> request) {
        return shared.rest(connection, secrets, kind, OctoPrintApi.class, request);
    }

    @Override
    public String toString() {
        return "OctoPrintClient[" + connection.id() + "]";
    }
}
