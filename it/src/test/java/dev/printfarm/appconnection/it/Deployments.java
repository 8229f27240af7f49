package dev.printfarm.appconnection.it;

import java.io.File;
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
        String sandbox = "http://localhost:" + httpPort() + "/sandbox";
        String config = String.join("\n",
                "appconnection.app-id=it-app",
                "appconnection.octoeverywhere.url=" + sandbox,
                "appconnection.public-base-url=http://localhost:" + httpPort() + "/" + MODULE_APP,
                "appconnection.relay.read-timeout=PT5S",
                "it.sandbox.url=" + sandbox,
                "");
        return ShrinkWrap.create(WebArchive.class, MODULE_APP + ".war")
                .addAsLibraries(artifact("appconnection-api.jar"), artifact("appconnection-impl.jar"))
                .addClasses(classes)
                .addClasses(SandboxClient.class, PortalDriver.class)
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
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
