package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The production packaging as it ships (the farm EAR and liberty-config's production server.xml) on server it-prod,
 * with a test's values for what a farm must set (it/src/test/liberty-prod): HTTPS with a self-signed certificate,
 * which this client trusts for localhost only.
 */
public final class ProductionServer {

    public static final String OPERATOR = "farmer";
    public static final String OPERATOR_PASSWORD = "it-prod-operator";
    public static final String MONITOR = "monitor";
    public static final String MONITOR_PASSWORD = "it-prod-monitor";

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final String TEST_DROPIN = "configDropins/overrides/zz-test.xml";

    private final LibertyProcess liberty = new LibertyProcess("it-prod");
    public final URI https = URI.create("https://localhost:" + Integer.getInteger("it.prod.https.port", 9743) + "/");
    public final URI http = URI.create("http://localhost:" + Integer.getInteger("it.prod.http.port", 9780) + "/");
    /** Follows no redirects; trusts the test's self-signed certificate. */
    public final HttpClient client = HttpClient.newBuilder()
            .sslContext(trustingContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public LibertyProcess liberty() {
        return liberty;
    }

    /** Starts the server as shipped (plus the test's values) and waits until the console answers over HTTPS. */
    public void start() {
        liberty.stop();
        liberty.start();
        Await.until(
                READY_WITHIN,
                () -> status(https.resolve("console/login.html")) == 200,
                () -> "it-prod did not serve the console; see " + liberty.messagesLog());
    }

    /**
     * Starts the server with {@code variables} (a server.xml fragment of {@code <variable>}s) overriding the test's
     * values, waits until Liberty says the farm application did not start, and returns what the server logged
     * meanwhile. The fragment is removed again; the server is left stopped.
     */
    public String startRefused(String variables) {
        liberty.stop();
        Path dropin = liberty.directory().resolve(TEST_DROPIN);
        try {
            Files.writeString(dropin, "<server>\n" + variables + "\n</server>\n");
            // Each start begins a new messages.log.
            liberty.start();
            Await.until(
                    READY_WITHIN,
                    () -> liberty.messages().contains("CWWKZ0012I"),
                    () -> "it-prod did not report the farm application as not started; see " + liberty.messagesLog());
            return liberty.messages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            liberty.stop();
            try {
                Files.deleteIfExists(dropin);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public void stop() {
        liberty.stop();
    }

    /** The path of the server's embedded Derby store, for a test that reads it while the server is stopped. */
    public Path derbyStore() {
        return liberty.directory().resolve("data/appconnection");
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(URI uri) {
        try {
            return client.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Trusts any certificate: the only server this client talks to is the test's own it-prod on localhost. */
    private static SSLContext trustingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    null,
                    new TrustManager[] {
                        new X509TrustManager() {
                            @Override
                            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                            @Override
                            public X509Certificate[] getAcceptedIssuers() {
                                return new X509Certificate[0];
                            }
                        }
                    },
                    new SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
