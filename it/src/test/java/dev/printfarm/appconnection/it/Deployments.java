package dev.printfarm.appconnection.it;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Every deployment the ITs use, built from the artifacts the reactor just packaged (copied to
 * {@code target/deployments} by the build), so the tests exercise what ships.
 */
public final class Deployments {

    /** The context root of {@link #module(Class[])}. */
    public static final String MODULE_APP = "module-it";

    private Deployments() {
    }

    /** The sandbox WAR alone, at {@code /sandbox}. */
    public static WebArchive sandbox() {
        return ShrinkWrap.create(WebArchive.class, "sandbox.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, artifact("appconnection-sandbox.war")));
    }

    /** The sandbox WAR with sandbox settings of the test's own, e.g. {@code sandbox.printers}. */
    public static WebArchive sandbox(Map<String, String> settings) {
        StringBuilder properties = new StringBuilder();
        new TreeMap<>(settings).forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        return sandbox().addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties");
    }

    /** The shipped EAR: console at {@code /console}, sandbox at {@code /sandbox}, the module inside the console. */
    public static EnterpriseArchive farm() {
        return ShrinkWrap.create(EnterpriseArchive.class, "farm.ear")
                .merge(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, artifact("appconnection-ear.ear")));
    }

    /**
     * A bare application that carries the module (api + impl jars, as a user's WAR would) and the given
     * test classes, configured to use the sandbox on the test server.
     */
    public static WebArchive module(Class<?>... classes) {
        return module(MODULE_APP, Map.of(), classes);
    }

    /**
     * Like {@link #module(Class[])}, at context root {@code name}, with configuration entries added or
     * replaced. Several such applications on one server share the store, as several servers would.
     */
    public static WebArchive module(String name, Map<String, String> config, Class<?>... classes) {
        String sandbox = "http://localhost:" + httpPort() + "/sandbox";
        Map<String, String> entries = new TreeMap<>();
        entries.put("appconnection.app-id", "it-app");
        entries.put("appconnection.octoeverywhere.url", sandbox);
        entries.put("appconnection.public-base-url", "http://localhost:" + httpPort() + "/" + name);
        entries.put("appconnection.relay.read-timeout", "PT5S");
        entries.put("appconnection.store.keys", TestKeys.ring(TestKeys.IT));
        entries.put("it.sandbox.url", sandbox);
        // Background Info refreshes would change connection states under the tests' feet; the tests that are about
        // the refresh turn it on.
        entries.put("appconnection.info.refresh-interval", "PT0S");
        entries.putAll(config);
        StringBuilder properties = new StringBuilder();
        entries.forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibraries(artifact("appconnection-api.jar"), artifact("appconnection-impl.jar"))
                .addClasses(classes)
                .addClasses(SandboxClient.class, PortalDriver.class, TestKeys.class, Await.class, PrometheusText.class)
                .addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                        + "version=\"4.0\" bean-discovery-mode=\"all\"/>"), "beans.xml");
    }

    public static int httpPort() {
        return Integer.getInteger("it.http.port", 9180);
    }

    private static File artifact(String name) {
        File file = new File(System.getProperty("it.deployments", "target/deployments"), name);
        if (!file.isFile()) {
            throw new IllegalStateException("Missing " + file + ": run the ITs through Maven (mvn verify)");
        }
        return file;
    }
}
