package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The server's application metrics in Prometheus text, and the samples in it. */
public final class PrometheusText {

    private final String text;

    private PrometheusText(String text) {
        this.text = text;
    }

    /** {@code GET /metrics?scope=application} on the server at {@code base} (scheme, host and port). */
    public static PrometheusText of(URI base) {
        return read(base.resolve("/metrics?scope=application"));
    }

    /**
     * {@code GET /metrics}: every scope, so also MicroProfile Fault Tolerance's own {@code ft_*} series (base scope)
     * next to the module's.
     */
    public static PrometheusText all(URI base) {
        return read(base.resolve("/metrics"));
    }

    private static PrometheusText read(URI metrics) {
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(
                            HttpRequest.newBuilder(metrics)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/metrics answered " + response.statusCode());
            }
            return new PrometheusText(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The sum of the samples with this name that carry all these labels (e.g. {@code outcome="404"}); 0 when none. */
    public double sum(String name, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The value of the first sample with this name and all these labels; fails when there is none. */
    public double value(String name, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + name + " with " + String.join(",", labels) + " in " + text));
    }

    /** The sample lines whose name starts with {@code prefix} and that carry all these labels, as scraped. */
    public List<String> samples(String prefix, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(prefix) && !l.startsWith("#"))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .toList();
    }

    /** Whether a sample of exactly this name (any value) carries all these labels. */
    public boolean has(String name, String... labels) {
        return text.lines()
                .filter(l -> l.startsWith(name + "{"))
                .anyMatch(l -> Arrays.stream(labels).allMatch(l::contains));
    }

    @Override
    public String toString() {
        return text;
    }
}
