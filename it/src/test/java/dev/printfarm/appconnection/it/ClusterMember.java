package dev.printfarm.appconnection.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * One more Liberty server on the shared PostgreSQL store (created by it/pom.xml, profile postgresql), started, killed
 * and stopped by the test itself: {@code wlp/bin/server start|stop}, and SIGKILL through its pid file.
 */
final class ClusterMember implements AutoCloseable {

    static final String APP = "module-cluster";

    final String server;
    final int port;
    private final Path wlp = Path.of(System.getProperty("it.wlp", "target/liberty/wlp"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ClusterMember(String server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Puts the module application (with {@link ClusterProbe}) into the server's dropins and starts the server. */
    ClusterMember start(Map<String, String> config) {
        stop();
        Path dropins = wlp.resolve("usr/servers/" + server + "/dropins");
        try {
            Files.createDirectories(dropins);
            WebArchive war = Deployments.module(APP, config, ClusterProbe.class);
            war.as(ZipExporter.class).exportTo(dropins.resolve(APP + ".war").toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("start");
        Await.until(Duration.ofSeconds(120), () -> probe("me").isPresent(), () -> server + " did not start " + APP);
        return this;
    }

    /** The probe's answer, empty while the application is not up. */
    java.util.Optional<String> probe(String path) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base() + "/probe/" + path))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? java.util.Optional.of(answer.body()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The probe's answer, asked again for up to {@code within} while the server does not answer it. */
    String probeUntil(String path, Duration within) {
        java.util.concurrent.atomic.AtomicReference<String> answer = new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(within, () -> probe(path).map(a -> {
            answer.set(a);
            return true;
        }).orElse(false), () -> server + " did not answer /probe/" + path);
        return answer.get();
    }

    String base() {
        return "http://localhost:" + port + "/" + APP;
    }

    /** SIGKILL: the server gets no chance to let its leases go. */
    void kill() {
        Path pidFile = wlp.resolve("usr/servers/.pid/" + server + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(server + " is not running"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not kill " + server, e);
        }
    }

    void stop() {
        run("stop");
    }

    @Override
    public void close() {
        stop();
    }

    private void run(String action) {
        File script = wlp.resolve("bin/server").toFile();
        try {
            Process process = new ProcessBuilder(script.getAbsolutePath(), action, server).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server " + action + " " + server + " took over 180 s");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
