package dev.printfarm.appconnection.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.testing.FakeRequest;
import dev.printfarm.appconnection.console.testing.FakeResponse;
import dev.printfarm.appconnection.console.testing.FakeSession;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** After the login form was accepted: a session fixed before the login is useless after it. */
class LoginServletTest {

    private static FakeResponse post(FakeRequest request) throws IOException {
        FakeResponse response = new FakeResponse();
        new LoginServlet().doPost(request.proxy(), response.proxy());
        return response;
    }

    private static FakeRequest login() {
        FakeRequest request = FakeRequest.of("POST", "/login");
        request.servletPath = "/login";
        return request;
    }

    @Test
    void theSessionGetsANewIdAtLoginAndKeepsWhatItHeld() throws IOException {
        FakeRequest request = login();
        request.session = new FakeSession();
        request.session.attributes.put("kept", "yes");
        String planted = request.session.id;
        FakeResponse response = post(request);
        assertNotEquals(planted, request.session.id);
        assertEquals("yes", request.session.attributes.get("kept"));
        assertEquals("/console/", response.header("Location"));
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void aLoginWithoutASessionHasNoIdToChange() throws IOException {
        assertEquals("/console/", post(login()).header("Location"), "changeSessionId would throw without a session");
    }

    @Test
    void logoutStillEndsTheSession() throws IOException {
        FakeRequest request = FakeRequest.of("POST", "/logout");
        request.servletPath = "/logout";
        request.session = new FakeSession();
        assertEquals("/console/login.html?out", post(request).header("Location"));
        assertTrue(request.session.invalidated);
        assertTrue(request.loggedOut);
    }
}
