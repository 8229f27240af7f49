package dev.printfarm.appconnection.impl.octoprint;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.Axis;
import dev.printfarm.appconnection.api.OctoEverywherePlugin;
import dev.printfarm.appconnection.api.appapi.TransferLimits;
import dev.printfarm.appconnection.api.error.ErrorDetails;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.error.TransferLimitException;
import dev.printfarm.appconnection.api.fleet.PrintJob;
import dev.printfarm.appconnection.api.octoprint.OctoPrintClient;
import dev.printfarm.appconnection.api.octoprint.OctoPrintConnectRequest;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFile;
import dev.printfarm.appconnection.api.octoprint.OctoPrintFiles;
import dev.printfarm.appconnection.api.octoprint.OctoPrintJog;
import dev.printfarm.appconnection.api.octoprint.OctoPrintLogin;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterQuery;
import dev.printfarm.appconnection.api.octoprint.OctoPrintPrinterState;
import dev.printfarm.appconnection.api.octoprint.OctoPrintProfile;
import dev.printfarm.appconnection.api.octoprint.OctoPrintServer;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSettings;
import dev.printfarm.appconnection.api.octoprint.OctoPrintStorage;
import dev.printfarm.appconnection.api.octoprint.OctoPrintSystemCommand;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadOptions;
import dev.printfarm.appconnection.api.octoprint.OctoPrintUploadResult;
import dev.printfarm.appconnection.api.octoprint.OctoPrintVersion;
import dev.printfarm.appconnection.api.stream.FileDownload;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.json.WireJson;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.route.MultipartForm;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link OctoPrintClient} for one connection: every call under the connection's guard, on its current route. JSON
 * calls go through a MicroProfile Rest Client; uploads and downloads through the JDK {@code HttpClient}, which
 * streams.
 *
 * <p>Longer than most classes here because it implements every method of {@link OctoPrintClient}, each a few lines
 * handing one call to the guard and the mapper; splitting it would scatter one interface's implementation.
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
        OctoPrintVersion version = read(api -> OctoPrintMapper.version(api.version()));
        shared.rememberTwoOrLater(connection.id(), OctoPrintLocations.twoOrLater(version.server()));
        return version;
    }

    @Override
    public OctoPrintServer server() {
        return read(api -> OctoPrintMapper.server(api.server()));
    }

    @Override
    public OctoPrintLogin passiveLogin() {
        return read(api -> OctoPrintMapper.login(api.login(new OctoPrintCommands.Login(true))));
    }

    @Override
    public dev.printfarm.appconnection.api.octoprint.OctoPrintSerialConnection serialConnection() {
        return read(api -> OctoPrintMapper.connection(api.connection()));
    }

    @Override
    public void connectSerial(OctoPrintConnectRequest request) {
        Objects.requireNonNull(request, "request");
        OctoPrintCommands.Connection body = new OctoPrintCommands.Connection(
                "connect",
                request.port().orElse(null),
                request.baudrate().isPresent() ? request.baudrate().getAsInt() : null,
                request.printerProfile().orElse(null),
                request.save(),
                request.autoconnect());
        command(api -> api.connectionCommand(body));
    }

    @Override
    public void disconnectSerial() {
        OctoPrintCommands.Connection body =
                new OctoPrintCommands.Connection("disconnect", null, null, null, null, null);
        command(api -> api.connectionCommand(body));
    }

    @Override
    public OctoPrintPrinterState printer() {
        return printer(OctoPrintPrinterQuery.all());
    }

    @Override
    public OctoPrintPrinterState printer(OctoPrintPrinterQuery query) {
        Objects.requireNonNull(query, "query");
        String exclude = query.exclude().isEmpty() ? null : String.join(",", new TreeSet<>(query.exclude()));
        Boolean history = query.history() ? Boolean.TRUE : null;
        Integer limit = query.historyLimit().isPresent() ? query.historyLimit().getAsInt() : null;
        return read(api -> OctoPrintMapper.printer(api.printer(exclude, history, limit)));
    }

    @Override
    public void setToolTargets(Map<String, Double> targets) {
        OctoPrintCommands.Tools body = new OctoPrintCommands.Tools("target", tools(targets, 0, 500), null);
        command(api -> api.toolCommand(body));
    }

    @Override
    public void setToolOffsets(Map<String, Double> offsets) {
        OctoPrintCommands.Tools body = new OctoPrintCommands.Tools("offset", null, tools(offsets, -50, 50));
        command(api -> api.toolCommand(body));
    }

    @Override
    public void setBedTarget(double target) {
        heater("bed", "target", target, 0, 500);
    }

    @Override
    public void setBedOffset(double offset) {
        heater("bed", "offset", offset, -50, 50);
    }

    @Override
    public void setChamberTarget(double target) {
        heater("chamber", "target", target, 0, 500);
    }

    @Override
    public void setChamberOffset(double offset) {
        heater("chamber", "offset", offset, -50, 50);
    }

    /** {@code command} is {@code target} or {@code offset}, also the name of the value's key. */
    private void heater(String part, String command, double value, double min, double max) {
        double checked = checked(part, value, min, max);
        OctoPrintCommands.Heater body = command.equals("target")
                ? new OctoPrintCommands.Heater(command, checked, null)
                : new OctoPrintCommands.Heater(command, null, checked);
        command(api -> api.heaterCommand(part, body));
    }

    private static Map<String, Double> tools(Map<String, Double> values, double min, double max) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("give at least one tool, e.g. {\"tool0\": 210}");
        }
        Map<String, Double> tools = new TreeMap<>();
        for (Map.Entry<String, Double> e : new TreeMap<>(values).entrySet()) {
            if (!TOOL.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("tool names are tool0, tool1, ...; got " + e.getKey());
            }
            tools.put(e.getKey(), checked(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()), min, max));
        }
        return tools;
    }

    private static double checked(String what, double value, double min, double max) {
        if (!Double.isFinite(value) || value < min || value > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + " °C, got " + value);
        }
        return value;
    }

    @Override
    public void jog(OctoPrintJog jog) {
        Objects.requireNonNull(jog, "jog");
        OctoPrintCommands.Jog body = new OctoPrintCommands.Jog(
                "jog",
                value(jog.x()),
                value(jog.y()),
                value(jog.z()),
                jog.absolute() ? Boolean.TRUE : null,
                jog.speed().isPresent() ? jog.speed().getAsInt() : null);
        command(api -> api.jogCommand(body));
    }

    @Override
    public void home(Set<Axis> axes) {
        if (axes == null || axes.isEmpty()) {
            throw new IllegalArgumentException("home needs at least one axis");
        }
        List<String> names = new TreeSet<>(axes)
                .stream().map(axis -> axis.name().toLowerCase(Locale.ROOT)).toList();
        OctoPrintCommands.Home body = new OctoPrintCommands.Home("home", names);
        command(api -> api.homeCommand(body));
    }

    @Override
    public void sendGcode(List<String> commands) {
        if (commands == null || commands.isEmpty() || commands.size() > MAX_GCODE_LINES) {
            throw new IllegalArgumentException("send between 1 and " + MAX_GCODE_LINES + " G-code lines");
        }
        List<String> lines = new java.util.ArrayList<>();
        for (String line : commands) {
            if (line == null || line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("each G-code command is one non-blank line");
            }
            lines.add(line.strip());
        }
        OctoPrintCommands.Gcode body = new OctoPrintCommands.Gcode(lines);
        command(api -> api.gcodeCommand(body));
    }

    @Override
    public PrintJob job() {
        return read(api -> OctoPrintMapper.job(api.job()));
    }

    @Override
    public void startPrint() {
        jobCommand("start", null);
    }

    @Override
    public void cancelPrint() {
        jobCommand("cancel", null);
    }

    @Override
    public void restartPrint() {
        jobCommand("restart", null);
    }

    @Override
    public void pausePrint() {
        jobCommand("pause", "pause");
    }

    @Override
    public void resumePrint() {
        jobCommand("pause", "resume");
    }

    @Override
    public void togglePausePrint() {
        jobCommand("pause", "toggle");
    }

    private void jobCommand(String command, String action) {
        OctoPrintCommands.Job body = new OctoPrintCommands.Job(command, action);
        command(api -> api.jobCommand(body));
    }

    @Override
    public OctoPrintFiles files() {
        return read(api -> OctoPrintMapper.files(api.files(Boolean.TRUE), Optional.empty()));
    }

    @Override
    public OctoPrintFiles files(OctoPrintStorage location, boolean recursive) {
        String name = locationName(location);
        Boolean deep = recursive ? Boolean.TRUE : null;
        return read(api -> OctoPrintMapper.files(api.files(name, deep), Optional.of(location)));
    }

    @Override
    public Optional<OctoPrintFile> file(OctoPrintStorage location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        try {
            return call(
                    target -> OctoPrintMapper.file(
                            answers(target)
                                    .read(
                                            exchange(target, "GET", filePath(name, encoded), null),
                                            OctoPrintFileEntry.class),
                            location),
                    CallKind.READ);
        } catch (PrinterResponseException e) {
            if (e.printerStatus().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void deleteFile(OctoPrintStorage location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        call(target -> exchange(target, "DELETE", filePath(name, encoded), null), CallKind.COMMAND);
    }

    @Override
    public void selectFile(OctoPrintStorage location, String path, boolean print) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        OctoPrintCommands.Select body = new OctoPrintCommands.Select("select", print);
        call(target -> exchange(target, "POST", filePath(name, encoded), body), CallKind.COMMAND);
    }

    private static String filePath(String location, String encodedPath) {
        return "/api/files/" + location + "/" + encodedPath;
    }

    /** A JSON call through the JDK client, for paths a Rest Client would mangle; a success answer, or the error. */
    private HttpResponse<String> exchange(Target target, String method, String encodedPath, Record body) {
        HttpRequest.Builder request = shared.transport()
                .request(target, encodedPath, shared.relaySettings().readTimeout())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(WireJson.write(body)));
        }
        HttpResponse<String> response = shared.transport()
                .send(target, request.build(), shared.transport().text());
        if (response.statusCode() >= 400) {
            throw shared.transport().error(target, response);
        }
        return response;
    }

    private static JsonAnswers answers(Target target) {
        return JsonAnswers.fromPrinter(target.connectionId());
    }

    private static Double value(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    @Override
    public OctoPrintUploadResult upload(
            OctoPrintStorage location, String path, InputStream content, long size, OctoPrintUploadOptions options) {
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
            HttpRequest request = shared.transport()
                    .request(target, "/api/files/" + name, sending.timeout())
                    .header("Content-Type", form.contentType())
                    .POST(form.withFile(fileName, sending.body(), sending.size()))
                    .build();
            HttpResponse<String> response =
                    shared.transport().send(target, request, shared.transport().text());
            if (response.statusCode() >= 400) {
                throw shared.transport().error(target, response);
            }
            return OctoPrintMapper.upload(answers(target).read(response, OctoPrintUploadAnswer.class), location);
        });
    }

    @Override
    public FileDownload download(OctoPrintStorage location, String path) {
        String name = locationName(location);
        String encoded = FilePaths.encode(path);
        TransferLimits limits = shared.appApi().limits(connection, secrets);
        OptionalLong limit = limits.maxDownloadBytes();
        if (limit.isPresent()) {
            // Ask for the size first: the body is not requested at all when it is over the limit.
            OptionalLong size = file(location, path).map(OctoPrintFile::size).orElse(OptionalLong.empty());
            if (size.isPresent() && size.getAsLong() > limit.getAsLong()) {
                throw new TransferLimitException(
                        "A download of " + size.getAsLong() + " bytes is over the account's download limit of "
                                + limit.getAsLong() + " bytes; it was not requested",
                        connection.id(),
                        TransferLimitException.Direction.DOWNLOAD,
                        limit,
                        ErrorDetails.none());
            }
        }
        return call(
                target -> {
                    HttpRequest request = shared.transport()
                            .request(
                                    target,
                                    "/downloads/files/" + name + "/" + encoded,
                                    shared.relaySettings().readTimeout())
                            .GET()
                            .build();
                    HttpResponse<InputStream> response =
                            shared.transport().send(target, request, HttpResponse.BodyHandlers.ofInputStream());
                    OptionalLong length = response.headers().firstValueAsLong("Content-Length");
                    if (response.statusCode() >= 400) {
                        throw shared.transport().error(target, response);
                    }
                    if (length.isPresent() && limit.isPresent() && length.getAsLong() > limit.getAsLong()) {
                        close(response.body());
                        // Refused before the body is read: the module's own check, so no code.
                        throw new TransferLimitException(
                                "A download of " + length.getAsLong()
                                        + " bytes is over the account's download limit of " + limit.getAsLong()
                                        + " bytes",
                                connection.id(),
                                TransferLimitException.Direction.DOWNLOAD,
                                limit,
                                ErrorDetails.none());
                    }
                    return new FileDownload(
                            shared.guarded(response.body(), "The download of " + path),
                            length,
                            response.headers().firstValue("Content-Type"));
                },
                CallKind.READ);
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
        return read(api -> OctoPrintMapper.settings(api.settings()));
    }

    @Override
    public List<OctoPrintProfile> printerProfiles() {
        return read(api -> OctoPrintMapper.printerProfiles(api.printerProfiles()));
    }

    @Override
    public List<OctoPrintSystemCommand> systemCommands() {
        return read(api -> OctoPrintMapper.systemCommands(api.systemCommands()));
    }

    @Override
    public void runSystemCommand(OctoPrintSystemCommand command) {
        Objects.requireNonNull(command, "command");
        String source = FilePaths.encode(command.source());
        String action = FilePaths.encode(command.action());
        command(api -> api.systemCommand(source, action));
    }

    @Override
    public Optional<OctoEverywherePlugin> octoEverywherePlugin() {
        try {
            return read(api -> OctoPrintMapper.plugin(api.plugin()));
        } catch (PrinterResponseException e) {
            if (e.printerStatus().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The name of a location as this printer's OctoPrint spells it; asks its version once when it matters. */
    private String locationName(OctoPrintStorage location) {
        Objects.requireNonNull(location, "location");
        if (location == OctoPrintStorage.LOCAL) {
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
