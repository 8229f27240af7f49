package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.printfarm.appconnection.api.ConnectionRoute;
import dev.printfarm.appconnection.api.error.PrinterUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport over HTTPS, as the real relay is reached: the JVM's default TLS context decides whom to trust (this
 * test sets it to a trust store of its own for its duration, as a server's {@code javax.net.ssl.trustStore} would), and
 * the certificate must name the host asked for. Each certificate is made for the test by the JDK's {@code keytool}.
 */
class HttpTransportTlsTest {

    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path keys;

    private static SSLContext jvmDefault;
    private static final AtomicInteger served = new AtomicInteger();
    private static HttpsServer forLocalhost;
    private static HttpsServer forAnotherHost;
    private static HttpsServer untrusted;

    @BeforeAll
    static void serversAndTrust() throws Exception {
        KeyStore localhost = certificate("localhost", "SAN=dns:localhost,ip:127.0.0.1");
        KeyStore another = certificate("another", "SAN=dns:printer.example");
        KeyStore stranger = certificate("stranger", "SAN=dns:localhost,ip:127.0.0.1");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("localhost", localhost.getCertificate("localhost"));
        trusted.setCertificateEntry("another", another.getCertificate("another"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        jvmDefault = SSLContext.getDefault();
        SSLContext.setDefault(client);
        forLocalhost = serve(localhost);
        forAnotherHost = serve(another);
        untrusted = serve(stranger);
    }

    @AfterAll
    static void restore() {
        SSLContext.setDefault(jvmDefault);
        for (HttpsServer server : List.of(forLocalhost, forAnotherHost, untrusted)) {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void aRelayOverHttpsIsReadWhenTheJvmTrustsItsCertificate() {
        int before = served.get();
        HttpTransport wired = HttpTransportTest.wired();
        try {
            Target relay = target(forLocalhost);
            var answer = wired.send(
                    relay,
                    wired.request(relay, "/api/job", Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    wired.text());
            assertEquals(200, answer.statusCode());
            assertEquals("{\"state\":\"Operational\"}", answer.body());
            assertEquals(before + 1, served.get());
        } finally {
            close(wired);
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedBeforeTheRequestIsSent() {
        assertRefused(forAnotherHost);
    }

    @Test
    void aCertificateTheJvmDoesNotTrustIsRefusedBeforeTheRequestIsSent() {
        assertRefused(untrusted);
    }

    private static void assertRefused(HttpsServer server) {
        int before = served.get();
        HttpTransport wired = HttpTransportTest.wired();
        try {
            Target relay = target(server);
            var request = wired.request(relay, "/api/job", Duration.ofSeconds(5))
                    .GET()
                    .build();
            PrinterUnreachableException refused =
                    assertThrows(PrinterUnreachableException.class, () -> wired.send(relay, request, wired.text()));
            boolean tls = false;
            for (Throwable t = refused; t != null; t = t.getCause()) {
                tls |= t instanceof SSLException;
            }
            assertTrue(tls, () -> "the TLS failure is kept as the cause: " + refused);
            assertEquals(before, served.get(), "no request reached the server");
        } finally {
            close(wired);
        }
    }

    private static Target target(HttpsServer server) {
        return new Target(
                "c1",
                ConnectionRoute.RELAY,
                URI.create("https://localhost:" + server.getAddress().getPort()),
                Map.of());
    }

    private static void close(HttpTransport wired) {
        wired.close();
        wired.threads.io().shutdownNow();
    }

    private static HttpsServer serve(KeyStore identity) throws Exception {
        KeyManagerFactory keysOf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keysOf.init(identity, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keysOf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/api/job", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"state\":\"Operational\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A fresh key pair and self-signed certificate made by {@code keytool}, with the given subject alternative names. */
    private static KeyStore certificate(String alias, String subjectAlternativeNames) throws Exception {
        Path file = keys.resolve(alias + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        alias,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + alias,
                        "-ext",
                        subjectAlternativeNames,
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        new String(PASSWORD),
                        "-keypass",
                        new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        assertInstanceOf(java.security.cert.X509Certificate.class, store.getCertificate(alias));
        return store;
    }
}
