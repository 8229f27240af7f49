package dev.printfarm.appconnection.it;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Every deployment the ITs use, built from the artifacts the reactor just packaged (copied to
 * {@code target/deployments} by the build), so the tests exercise what ships.
 */
public final class Deployments {

    /** The context root of {@link #module(Class[])}. */
    public static final String MODULE_APP = "module-it";

    private Deployments() {}

    /** The sandbox WAR alone, at {@code /sandbox}. */
    public static WebArchive sandbox() {
        return ShrinkWrap.create(WebArchive.class, "sandbox.war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, artifact("appconnection-sandbox.war")));
    }

    /** The sandbox WAR with sandbox settings of the test's own, e.g. {@code sandbox.printers}. */
    public static WebArchive sandbox(Map<String, String> settings) {
        return sandbox()
                .addAsResource(new StringAsset(properties(settings)), "META-INF/microprofile-config.properties");
    }

    /**
     * The shipped farm EAR (the console at {@code /console} with the module inside) assembled with the sandbox at
     * {@code /sandbox} for the test server, and the settings that point the console at that sandbox (a jar in the
     * EAR's {@code lib}: the shipped EAR has no such defaults, the demo server sets them in its server.xml).
     */
    public static EnterpriseArchive farm() {
        return farm(Map.of());
    }

    /** Like {@link #farm()}, with sandbox settings of the test's own, e.g. {@code sandbox.printers}. */
    public static EnterpriseArchive farm(Map<String, String> sandboxSettings) {
        String server = "http://localhost:" + httpPort();
        Map<String, String> console = new TreeMap<>();
        console.put("appconnection.app-id", "devtest");
        console.put("appconnection.octoeverywhere.url", server + "/sandbox");
        console.put("appconnection.public-base-url", server + "/console");
        console.put("appconnection.relay.allowed-hosts", "localhost:" + httpPort());
        console.put("appconnection.relay.allow-http", "true");
        console.put("appconnection.lan.allowed-ranges", "127.0.1.0/24");
        console.put("appconnection.lan.url-template", server + "/sandbox/lan-ip/{ip}");
        console.put("console.operator.user", "operator");
        console.put("console.operator.password", "operator");
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "farm.ear")
                .merge(ShrinkWrap.createFromZipFile(EnterpriseArchive.class, artifact("appconnection-ear.ear")));
        return ear.addAsModule(sandboxSettings.isEmpty() ? sandbox() : sandbox(sandboxSettings))
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "it-console-config.jar")
                        .addAsResource(new StringAsset(properties(console)), "META-INF/microprofile-config.properties"))
                .setApplicationXML(new StringAsset("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                          <display-name>farm with the sandbox (ITs)</display-name>
                          <module><web><web-uri>console.war</web-uri><context-root>/console</context-root></web></module>
                          <module><web><web-uri>sandbox.war</web-uri><context-root>/sandbox</context-root></web></module>
                          <library-directory>lib</library-directory>
                        </application>
                        """));
    }

    private static String properties(Map<String, String> entries) {
        StringBuilder properties = new StringBuilder();
        new TreeMap<>(entries)
                .forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        return properties.toString();
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
                .addAsLibraries(
                        artifact("appconnection-api.jar"),
                        artifact("appconnection-impl.jar"),
                        artifact("httpclient5.jar"),
                        artifact("httpcore5.jar"),
                        artifact("httpcore5-h2.jar"),
                        artifact("slf4j-api.jar"),
                        artifact("slf4j-jdk14.jar"))
                .addClasses(classes)
                .addClasses(
                        SandboxClient.class,
                        PortalDriver.class,
                        TestKeys.class,
                        Await.class,
                        PrometheusText.class,
                        Fleets.class)
                .addAsResource(new StringAsset(properties.toString()), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                                + "version=\"4.0\" bean-discovery-mode=\"all\"/>"),
                        "beans.xml");
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
