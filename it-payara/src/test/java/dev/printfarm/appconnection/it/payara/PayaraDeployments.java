package dev.printfarm.appconnection.it.payara;

import dev.printfarm.appconnection.it.Await;
import dev.printfarm.appconnection.it.PortalDriver;
import dev.printfarm.appconnection.it.PrometheusText;
import dev.printfarm.appconnection.it.SandboxClient;
import dev.printfarm.appconnection.it.TestKeys;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the Payara ITs: a bare application with the module (api + impl jars, as a user's WAR carries
 * them), the test classes and its settings, at {@code /module-it}. The Payara Micro adapter starts a server per
 * deployment, and Payara Micro deploys no EAR, so the sandbox is not part of it: the server deploys the sandbox WAR
 * itself, at {@code /sandbox} (arquillian.xml).
 */
final class PayaraDeployments {

    static final String MODULE_APP = "module-it";

    private PayaraDeployments() {}

    static WebArchive module(Map<String, String> settings, Class<?>... testClasses) {
        return ShrinkWrap.create(WebArchive.class, MODULE_APP + ".war")
                .addAsLibraries(
                        artifact("appconnection-api.jar"),
                        artifact("appconnection-impl.jar"),
                        artifact("httpclient5.jar"),
                        artifact("httpcore5.jar"),
                        artifact("httpcore5-h2.jar"),
                        artifact("slf4j-api.jar"),
                        artifact("slf4j-jdk14.jar"))
                .addClasses(testClasses)
                .addClasses(SandboxClient.class, PortalDriver.class, TestKeys.class, Await.class, PrometheusText.class)
                .addAsResource(new StringAsset(properties(settings)), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                                + "version=\"4.0\" bean-discovery-mode=\"all\"/>"),
                        "beans.xml");
    }

    /** The settings every Payara IT shares (one deployment), with the test's own added or replacing them. */
    static Map<String, String> settings(Map<String, String> extra) {
        String server = "http://localhost:" + httpPort();
        Map<String, String> entries = new TreeMap<>();
        entries.put("appconnection.app-id", "it-app");
        entries.put("appconnection.octoeverywhere.url", server + "/sandbox");
        entries.put("appconnection.public-base-url", server + "/" + MODULE_APP);
        entries.put("appconnection.relay.read-timeout", "PT5S");
        entries.put("appconnection.store.keys", TestKeys.ring(TestKeys.IT));
        entries.put("appconnection.info.refresh-interval", "PT0S");
        entries.put("it.sandbox.url", server + "/sandbox");
        entries.putAll(extra);
        return entries;
    }

    static int httpPort() {
        return Integer.getInteger("it.http.port", 9850);
    }

    private static String properties(Map<String, String> entries) {
        StringBuilder properties = new StringBuilder();
        new TreeMap<>(entries)
                .forEach((k, v) -> properties.append(k).append('=').append(v).append('\n'));
        return properties.toString();
    }

    private static File artifact(String name) {
        File file = new File(System.getProperty("it.deployments", "target/deployments"), name);
        if (!file.isFile()) {
            throw new IllegalStateException("Missing " + file + ": run the ITs through Maven (mvn verify)");
        }
        return file;
    }
}
