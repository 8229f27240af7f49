package dev.printfarm.appconnection.it;

import java.net.URI;
import java.net.http.HttpResponse;

/** The shipped EAR's console and sandbox on the test server, driven as an operator's browser would. */
public final class FarmConsole {

    public final URI server = URI.create("http://localhost:" + Deployments.httpPort() + "/");
    public final SandboxClient sandbox = new SandboxClient(server + "sandbox");
    /** The operator's browser: HTTP Basic as the demo operator on every request. */
    public final PortalDriver browser = new PortalDriver(PortalDriver.operator());

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
