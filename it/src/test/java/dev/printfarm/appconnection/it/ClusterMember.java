package dev.printfarm.appconnection.it;

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
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * One more Liberty server on the shared PostgreSQL store (created by it/pom.xml, profile postgresql), started, killed
 * and stopped by the test itself ({@link LibertyProcess}), with the module and {@link ClusterProbe} in its dropins.
 */
final class ClusterMember implements AutoCloseable {

    static final String APP = "module-cluster";

    final String server;
    final int port;
    private final LibertyProcess liberty;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ClusterMember(String server, int port) {
        this.server = server;
        this.port = port;
        this.liberty = new LibertyProcess(server);
    }

    /** Puts the module application (with {@link ClusterProbe}) into the server's dropins and starts the server. */
    ClusterMember start(Map<String, String> config) {
        stop();
        try {
            Path war = Files.createTempFile(APP, ".war");
            Deployments.module(APP, config, ClusterProbe.class)
                    .as(ZipExporter.class)
                    .exportTo(war.toFile(), true);
            liberty.drop(war, APP + ".war");
            Files.delete(war);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        liberty.start();
        Await.until(Duration.ofSeconds(120), () -> probe("me").isPresent(), () -> server + " did not start " + APP);
        return this;
    }

    /** The probe's answer, empty while the application is not up. */
    java.util.Optional<String> probe(String path) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/probe/" + path))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
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
        java.util.concurrent.atomic.AtomicReference<String> answer =
                new java.util.concurrent.atomic.AtomicReference<>();
        Await.until(
                within,
                () -> probe(path)
                        .map(a -> {
                            answer.set(a);
                            return true;
                        })
                        .orElse(false),
                () -> server + " did not answer /probe/" + path);
        return answer.get();
    }

    /** Where the probe answers {@code path}, for a browser of the test's own. */
    URI probeUri(String path) {
        return URI.create(base() + "/probe/" + path);
    }

    String base() {
        return "http://localhost:" + port + "/" + APP;
    }

    /** SIGKILL: the server gets no chance to let its leases go. */
    void kill() {
        liberty.kill();
    }

    void stop() {
        liberty.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
