package dev.printfarm.appconnection.it;

import java.net.URI;
import java.net.http.HttpResponse;

/** The farm console and its sandbox, driven as an operator's browser would. */
public final class FarmConsole {

    /** Where the console is: {@code server + "console/"}. */
    public final URI server;

    public final SandboxClient sandbox;
    /** The operator's browser: HTTP Basic as the demo operator on every request, and cookies. */
    public final PortalDriver browser = new PortalDriver(PortalDriver.operator());

    /** The console and the sandbox of {@link Deployments#farm()} on the test server. */
    public FarmConsole() {
        this.server = URI.create("http://localhost:" + Deployments.httpPort() + "/");
        this.sandbox = new SandboxClient(server + "sandbox");
    }

    /** The console on {@code server}; its sandbox is found where the console sends the browser to connect a printer. */
    public FarmConsole(URI server) {
        this.server = server;
        URI portal = portal();
        this.sandbox = new SandboxClient(portal.getScheme() + "://" + portal.getRawAuthority() + "/sandbox");
    }

    /** "Connect printer": the portal URL the console redirects to. */
    public URI portal() {
        HttpResponse<String> connect = browser.get(server.resolve("console/connect"));
        if (connect.statusCode() != 302) {
            throw new AssertionError("/console/connect answered " + connect.statusCode());
        }
        return URI.create(connect.headers().firstValue("Location").orElseThrow());
    }

    /** Connects the sandbox printer through the whole portal flow; returns the new connection's id. */
    public String connect(String printerId) {
        URI callback = browser.authorize(portal(), printerId);
        int status = browser.get(callback).statusCode();
        if (status != 303) {
            throw new AssertionError("the callback answered " + status);
        }
        return PortalDriver.query(callback).get("id");
    }

    public HttpResponse<String> get(String path) {
        return browser.get(server.resolve(path));
    }
}
