package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.error.PrinterResponseException;
import dev.printfarm.appconnection.api.moonraker.MoonrakerClient;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFile;
import dev.printfarm.appconnection.api.moonraker.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.moonraker.MoonrakerJob;
import dev.printfarm.appconnection.api.moonraker.MoonrakerListener;
import dev.printfarm.appconnection.api.moonraker.MoonrakerPrinterInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.moonraker.MoonrakerStatus;
import dev.printfarm.appconnection.api.moonraker.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.moonraker.MoonrakerWebcam;
import dev.printfarm.appconnection.impl.json.JsonAnswers;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.route.MultipartForm;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link MoonrakerClient} for one connection: every call under the connection's guard, on its current route. JSON
 * calls go through a MicroProfile Rest Client, the upload through the JDK {@code HttpClient}, which streams; the
 * subscription through the shared {@link MoonrakerSockets}.
 */
final class RoutedMoonrakerClient implements MoonrakerClient {

    static final String GCODES = "gcodes";
    static final String PLUGIN_NAMESPACE = "octoeverywhere";
    static final String PRINTER_ID_KEY = "public.printerId";
    static final int MAX_HISTORY = 1000;
    private static final MoonrakerServerInfoAnswer EMPTY_SERVER = new MoonrakerServerInfoAnswer(
            null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    private static final MoonrakerPrinterInfoAnswer EMPTY_PRINTER =
            new MoonrakerPrinterInfoAnswer(null, null, null, null, null);
    private static final MoonrakerMetadataAnswer EMPTY_METADATA = new MoonrakerMetadataAnswer(
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null);
    private static final MoonrakerHistoryAnswer EMPTY_HISTORY = new MoonrakerHistoryAnswer(List.of());
    private static final MoonrakerWebcamsAnswer EMPTY_WEBCAMS = new MoonrakerWebcamsAnswer(List.of());

    private final AppConnection connection;
    private final ConnectionSecrets secrets;
    private final MoonrakerClients shared;

    RoutedMoonrakerClient(AppConnection connection, ConnectionSecrets secrets, MoonrakerClients shared) {
        this.connection = connection;
        this.secrets = secrets;
        this.shared = shared;
    }

    @Override
    public MoonrakerServerInfo serverInfo() {
        return read(api -> MoonrakerMapper.serverInfo(result(api.serverInfo(), EMPTY_SERVER)));
    }

    @Override
    public MoonrakerPrinterInfo printerInfo() {
        return read(api -> MoonrakerMapper.printerInfo(result(api.printerInfo(), EMPTY_PRINTER)));
    }

    @Override
    public MoonrakerStatus status() {
        return read(api -> MoonrakerMapper.queried(
                api.query(MoonrakerMapper.farmObjectsRequest()).result()));
    }

    @Override
    public void startPrint(String filename) {
        MoonrakerRequests.Start body = new MoonrakerRequests.Start(MoonrakerPaths.check(filename));
        command(api -> api.startPrint(body));
    }

    @Override
    public void pausePrint() {
        command(MoonrakerApi::pausePrint);
    }

    @Override
    public void resumePrint() {
        command(MoonrakerApi::resumePrint);
    }

    @Override
    public void cancelPrint() {
        command(MoonrakerApi::cancelPrint);
    }

    @Override
    public void emergencyStop() {
        rest(CallKind.EMERGENCY, api -> {
            api.emergencyStop();
            return null;
        });
    }

    @Override
    public void firmwareRestart() {
        command(MoonrakerApi::firmwareRestart);
    }

    @Override
    public List<MoonrakerFile> files() {
        return read(api -> MoonrakerMapper.files(result(api.files(GCODES), List.of())));
    }

    @Override
    public Optional<MoonrakerFileMetadata> metadata(String filename) {
        String checked = MoonrakerPaths.check(filename);
        return absentOn404(() ->
                read(api -> MoonrakerMapper.metadata(result(api.metadata(checked), EMPTY_METADATA), checked)));
    }

    @Override
    public List<MoonrakerJob> history(int start, int limit) {
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative, got " + start);
        }
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY + ", got " + limit);
        }
        return read(api -> MoonrakerMapper.history(result(api.history(start, limit, "desc"), EMPTY_HISTORY)));
    }

    @Override
    public List<MoonrakerWebcam> webcams() {
        return read(api -> MoonrakerMapper.webcams(result(api.webcams(), EMPTY_WEBCAMS)));
    }

    @Override
    public Optional<String> printerId() {
        return absentOn404(() -> read(api -> Optional.ofNullable(api.databaseItem(PLUGIN_NAMESPACE, PRINTER_ID_KEY)
                                .result())
                        .map(MoonrakerDatabaseItem::value)))
                .flatMap(id -> id);
    }

    @Override
    public Subscription subscribe(MoonrakerListener listener) {
        return shared.sockets().watch(connection.id(), listener);
    }

    /** Moonraker's upload form: {@code root}, {@code path} (the folder), {@code print}, then the file itself. */
    @Override
    public MoonrakerUploadResult upload(String path, InputStream content, long size, boolean print) {
        Objects.requireNonNull(content, "content");
        String folder = MoonrakerPaths.folder(path);
        String fileName = MoonrakerPaths.fileName(path);
        return shared.upload(connection, secrets, path, content, size, false, sending -> {
            MultipartForm form = new MultipartForm().field("root", GCODES);
            if (!folder.isEmpty()) {
                form.field("path", folder);
            }
            form.field("print", String.valueOf(print));
            Target target = sending.target();
            HttpRequest request = shared.transport()
                    .request(target, "/server/files/upload", sending.timeout())
                    .header("Accept", "application/json")
                    .header("Content-Type", form.contentType())
                    .POST(form.withFile(fileName, sending.body(), sending.size()))
                    .build();
            HttpResponse<String> response =
                    shared.transport().send(target, request, shared.transport().text());
            if (response.statusCode() >= 400) {
                throw shared.transport().error(target, response);
            }
            return MoonrakerMapper.upload(
                    JsonAnswers.fromPrinter(connection.id()).read(response, MoonrakerUploadAnswer.class), path);
        });
    }

    /** The value inside {@code {"result": …}}; {@code absent} when Moonraker sent none. */
    private static <T> T result(MoonrakerResult<T> answer, T absent) {
        return answer.result() == null ? absent : answer.result();
    }

    private static <R> Optional<R> absentOn404(java.util.function.Supplier<R> read) {
        try {
            return Optional.of(read.get());
        } catch (PrinterResponseException e) {
            if (e.printerStatus().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void command(java.util.function.Consumer<MoonrakerApi> request) {
        rest(CallKind.COMMAND, api -> {
            request.accept(api);
            return null;
        });
    }

    private <R> R read(Function<MoonrakerApi, R> request) {
        return rest(CallKind.READ, request);
    }

    private <R> R rest(CallKind kind, Function<MoonrakerApi, R> request) {
        return shared.rest(connection, secrets, kind, MoonrakerApi.class, request);
    }

    @Override
    public String toString() {
        return "MoonrakerClient[" + connection.id() + "]";
    }
}
