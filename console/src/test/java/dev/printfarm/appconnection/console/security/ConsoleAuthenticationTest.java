package dev.printfarm.appconnection.console.security;

import static dev.printfarm.appconnection.console.security.SecurityHeadersTest.assertSecurityHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.printfarm.appconnection.console.testing.FakeMessageContext;
import dev.printfarm.appconnection.console.testing.FakeRequest;
import dev.printfarm.appconnection.console.testing.FakeResponse;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The login mechanism's answers, without a container: an identity store that knows operator / s3cret. */
class ConsoleAuthenticationTest {

    private final ConsoleAuthentication authentication = new ConsoleAuthentication();

    ConsoleAuthenticationTest() {
        authentication.identities = credential -> {
            UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
            return login.getCaller().equals("operator") && login.getPasswordAsString().equals("s3cret")
                    ? new CredentialValidationResult("operator", Set.of(OperatorIdentityStore.OPERATOR_GROUP))
                    : CredentialValidationResult.INVALID_RESULT;
        };
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(AuthenticationStatus status, FakeResponse response, FakeMessageContext context) {
    }

    private Answer validate(FakeRequest request) {
        FakeResponse response = new FakeResponse();
        FakeMessageContext context = new FakeMessageContext(response);
        AuthenticationStatus status = authentication.validateRequest(request.proxy(), response.proxy(), context.proxy());
        return new Answer(status, response, context);
    }

    @Test
    void theMechanismsOwnAnswersCarryTheSecurityHeaders() {
        Answer wrong = validate(FakeRequest.of("GET", "/api/printers").header("Authorization", basic("operator", "no")));
        assertEquals(401, wrong.response().status);
        assertSecurityHeaders(wrong.response());

        Answer page = validate(FakeRequest.of("GET", "/index.html"));
        assertEquals(302, page.response().status, "to the login page");
        assertSecurityHeaders(page.response());

        Answer login = validate(FakeRequest.of("POST", "/login").parameter("username", "operator")
                .parameter("password", "s3cret"));
        assertEquals(AuthenticationStatus.SUCCESS, login.status());
        assertEquals("operator", login.context().loggedIn);
        assertSecurityHeaders(login.response());
    }
}
