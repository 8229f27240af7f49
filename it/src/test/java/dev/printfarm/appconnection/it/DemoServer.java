package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Quick start's demo as it ships (liberty-config's demo/server.xml: the farm EAR in dropins, the sandbox on its
 * own site) on server it-demo, started by the first test that asks for it and stopped when the test run ends, so
 * every test class that needs it shares one start. A test gets it as a parameter: {@code @ExtendWith(DemoServer.Use.class)}.
 */
public final class DemoServer implements ExtensionContext.Store.CloseableResource {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final LibertyProcess liberty = new LibertyProcess("it-demo");
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Where the browser goes: the console's host and port. */
    public final URI server = URI.create("http://localhost:" + Integer.getInteger("it.demo.http.port", 9480) + "/");

    private DemoServer() {
        liberty.stop();
        liberty.drop(
                Path.of(System.getProperty("it.deployments", "target/deployments"), "appconnection-ear.ear"),
                "farm.ear");
        start();
    }

    /** The console, and its sandbox where the console sends the browser. */
    public FarmConsole console() {
        return new FarmConsole(server);
    }

    public LibertyProcess liberty() {
        return liberty;
    }

    /** Stops the server as Ctrl-C on the Quick start's run command would, and starts it again. */
    public void restart() {
        liberty.stop();
        start();
    }

    private void start() {
        liberty.start();
        Await.until(
                READY_WITHIN,
                () -> status(server.resolve("console/login.html")) == 200
                        && status(server.resolve("health/ready")) == 200,
                () -> "the demo on it-demo did not become ready; see " + liberty.messagesLog());
    }

    private int status(URI uri) {
        try {
            return http.send(
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

    @Override
    public void close() {
        liberty.stop();
    }

    /** Resolves a {@link DemoServer} parameter: the one demo server of the test run. */
    public static final class Use implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == DemoServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(DemoServer.class, key -> new DemoServer(), DemoServer.class);
        }
    }
}
