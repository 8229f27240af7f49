package dev.printfarm.appconnection.impl.moonraker;

import dev.printfarm.appconnection.api.AppConnection;
import dev.printfarm.appconnection.api.AppConnectionException;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.MoonrakerClient;
import dev.printfarm.appconnection.api.MoonrakerFile;
import dev.printfarm.appconnection.api.MoonrakerFileMetadata;
import dev.printfarm.appconnection.api.MoonrakerJob;
import dev.printfarm.appconnection.api.MoonrakerListener;
import dev.printfarm.appconnection.api.MoonrakerPrinterInfo;
import dev.printfarm.appconnection.api.MoonrakerServerInfo;
import dev.printfarm.appconnection.api.MoonrakerStatus;
import dev.printfarm.appconnection.api.MoonrakerUploadResult;
import dev.printfarm.appconnection.api.MoonrakerWebcam;
import dev.printfarm.appconnection.api.PrinterResponseException;
import dev.printfarm.appconnection.api.Subscription;
import dev.printfarm.appconnection.api.TransferLimitException;
import dev.printfarm.appconnection.impl.octoprint.UploadBody;
import dev.printfarm.appconnection.impl.relay.CallKind;
import dev.printfarm.appconnection.impl.relay.OctoEverywhereStatus;
import dev.printfarm.appconnection.impl.route.HttpTransport;
import dev.printfarm.appconnection.impl.route.RestClients;
import dev.printfarm.appconnection.impl.route.Target;
import dev.printfarm.appconnection.impl.store.ConnectionSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
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
    /** The slowest upload rate a transfer is given time for, on top of the read timeout. */
    private static final long SLOWEST_UPLOAD_BYTES_PER_SECOND = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        return read(api -> MoonrakerJson.serverInfo(MoonrakerJson.result(api.serverInfo())));
    }

    @Override
    public MoonrakerPrinterInfo printerInfo() {
        return read(api -> MoonrakerJson.printerInfo(MoonrakerJson.result(api.printerInfo())));
    }

    @Override
    public MoonrakerStatus status() {
        JsonObject body = Json.createObjectBuilder().add("objects", MoonrakerJson.farmObjectsJson()).build();
        return read(api -> MoonrakerJson.queried(MoonrakerJson.result(api.query(body))));
    }

    @Override
    public void startPrint(String filename) {
        JsonObject body = Json.createObjectBuilder().add("filename", MoonrakerPaths.check(filename)).build();
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
        command(MoonrakerApi::emergencyStop);
    }

    @Override
    public void firmwareRestart() {
        command(MoonrakerApi::firmwareRestart);
    }

    @Override
    public List<MoonrakerFile> files() {
        return read(api -> MoonrakerJson.files(MoonrakerJson.result(api.files(GCODES))));
    }

    @Override
    public Optional<MoonrakerFileMetadata> metadata(String filename) {
        String checked = MoonrakerPaths.check(filename);
        return absentOn404(() -> read(api -> MoonrakerJson.metadata(MoonrakerJson.result(api.metadata(checked)),
                checked)));
    }

    @Override
    public List<MoonrakerJob> history(int start, int limit) {
        if (start < 0) {
            throw new IllegalArgumentException("start must not be negative, got " + start);
        }
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY + ", got " + limit);
        }
        return read(api -> MoonrakerJson.history(MoonrakerJson.result(api.history(start, limit, "desc"))));
    }

    @Override
    public List<MoonrakerWebcam> webcams() {
        return read(api -> MoonrakerJson.webcams(MoonrakerJson.result(api.webcams())));
    }

    @Override
    public Optional<String> printerId() {
        return absentOn404(() -> read(api -> MoonrakerJson.itemText(MoonrakerJson.result(
                api.databaseItem(PLUGIN_NAMESPACE, PRINTER_ID_KEY))))).flatMap(id -> id);
    }

    @Override
    public Subscription subscribe(MoonrakerListener listener) {
        return shared.sockets().watch(connection.id(), listener);
    }

    @Override
    public MoonrakerUploadResult upload(String path, InputStream content, long size, boolean print) {
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got " + size);
        }
        String folder = MoonrakerPaths.folder(path);
        String fileName = MoonrakerPaths.fileName(path);
        OptionalLong limit = shared.appApi().limits(connection, secrets).maxUploadBytes();
        if (limit.isPresent() && size > limit.getAsLong()) {
            throw new TransferLimitException("An upload of " + size + " bytes is over the account's upload limit of "
                    + limit.getAsLong() + " bytes; nothing was sent", connection.id(),
                    TransferLimitException.Direction.UPLOAD, limit.getAsLong());
        }
        UploadBody body = new UploadBody(content, size);
        try {
            return shared.guard().call(connection, CallKind.COMMAND, () -> body.bytesRead() == 0,
                    () -> shared.routes().run(connection, secrets, CallKind.COMMAND, () -> body.bytesRead() == 0,
                            target -> send(target, path, folder, fileName, body, size, print)));
        } catch (AppConnectionException e) {
            if (body.mismatch().isPresent()) {
                throw new IllegalArgumentException("Upload of " + path + " failed: " + body.mismatch().get(), e);
            }
            throw e;
        }
    }

    /** Moonraker's upload form: {@code root}, {@code path} (the folder), {@code print}, then the file itself. */
    private MoonrakerUploadResult send(Target target, String path, String folder, String fileName, UploadBody body,
                                       long size, boolean print) {
        String boundary = "appconnection-" + HexFormat.of().formatHex(randomBytes());
        StringBuilder head = new StringBuilder();
        field(head, boundary, "root", GCODES);
        if (!folder.isEmpty()) {
            field(head, boundary, "path", folder);
        }
        field(head, boundary, "print", String.valueOf(print));
        head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n");
        byte[] prefix = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] suffix = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(prefix),
                        HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        HttpRequest.BodyPublishers.ofByteArray(suffix)), prefix.length + size + suffix.length);
        Duration timeout = shared.config().readTimeout().plusSeconds(size / SLOWEST_UPLOAD_BYTES_PER_SECOND);
        HttpRequest request = shared.transport().request(target, "/server/files/upload", timeout)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(publisher).build();
        HttpResponse<String> response = shared.transport().send(target, request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw failure(target, response.statusCode(), response.body());
        }
        return MoonrakerJson.upload(parse(response.body()), path);
    }

    /** An error answer outside the Rest Client: OctoEverywhere's 6xx on the relay, else Moonraker's own. */
    private AppConnectionException failure(Target target, int status, String body) {
        if (target.route() == ConnectionRoute.RELAY && OctoEverywhereStatus.isOctoEverywhereCode(status)) {
            return shared.transport().error(target, status);
        }
        return MoonrakerRefusal.exception(connection.id(), status, MoonrakerJson.errorMessage(body));
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue() instanceof JsonObject o ? o : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void field(StringBuilder into, String boundary, String name, String value) {
        into.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n");
    }

    private static <R> Optional<R> absentOn404(java.util.function.Supplier<R> read) {
        try {
            return Optional.of(read.get());
        } catch (PrinterResponseException e) {
            if (e.status().orElse(0) == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void command(Function<MoonrakerApi, JsonValue> request) {
        rest(CallKind.COMMAND, request);
    }

    private <R> R read(Function<MoonrakerApi, R> request) {
        return rest(CallKind.READ, request);
    }

    private <R> R rest(CallKind kind, Function<MoonrakerApi, R> request) {
        return shared.guard().call(connection, kind, () -> shared.routes().run(connection, secrets, kind, () -> true,
                target -> {
                    try (RestClients.Lease<MoonrakerApi> lease = shared.restClients().open(target, MoonrakerApi.class)) {
                        return request.apply(lease.client());
                    } catch (MoonrakerRefusal refused) {
                        throw refused.toException(connection.id());
                    } catch (ProcessingException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        if (cause instanceof MoonrakerRefusal refused) {
                            throw refused.toException(connection.id());
                        }
                        throw cause instanceof AppConnectionException ace ? ace : HttpTransport.unreachable(target, cause);
                    }
                }));
    }

    @Override
    public String toString() {
        return "MoonrakerClient[" + connection.id() + "]";
    }
}
