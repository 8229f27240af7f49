package dev.printfarm.appconnection.console.security;

import static dev.printfarm.appconnection.console.security.SecurityHeadersTest.assertSecurityHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.testing.FakeMessageContext;
import dev.printfarm.appconnection.console.testing.FakeRequest;
import dev.printfarm.appconnection.console.testing.FakeResponse;
import dev.printfarm.appconnection.console.testing.ManualClock;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The login mechanism's answers, without a container: an identity store that knows operator / s3cret. */
class ConsoleAuthenticationTest {

    private final ManualClock clock = new ManualClock();
    private final ConsoleAuthentication authentication = new ConsoleAuthentication();
    private int passwordsChecked;

    ConsoleAuthenticationTest() {
        authentication.throttle = new LoginThrottle(clock);
        authentication.https = new HttpsRedirect(Optional.of("http://localhost:9080/console"));
        authentication.identities = credential -> {
            UsernamePasswordCredential login = (UsernamePasswordCredential) credential;
            passwordsChecked++;
            return login.getCaller().equals("operator")
                            && login.getPasswordAsString().equals("s3cret")
                    ? new CredentialValidationResult("operator", Set.of(OperatorIdentityStore.OPERATOR_GROUP))
                    : CredentialValidationResult.INVALID_RESULT;
        };
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private record Answer(AuthenticationStatus status, FakeResponse response, FakeMessageContext context) {}

    private Answer validate(FakeRequest request) {
        FakeResponse response = new FakeResponse();
        FakeMessageContext context = new FakeMessageContext(response);
        AuthenticationStatus status =
                authentication.validateRequest(request.proxy(), response.proxy(), context.proxy());
        return new Answer(status, response, context);
    }

    @Test
    void theMechanismsOwnAnswersCarryTheSecurityHeaders() {
        Answer wrong =
                validate(FakeRequest.of("GET", "/api/printers").header("Authorization", basic("operator", "no")));
        assertEquals(401, wrong.response().status);
        assertSecurityHeaders(wrong.response());

        Answer page = validate(FakeRequest.of("GET", "/index.html"));
        assertEquals(302, page.response().status, "to the login page");
        assertSecurityHeaders(page.response());

        Answer login = validate(FakeRequest.of("POST", "/login")
                .parameter("username", "operator")
                .parameter("password", "s3cret"));
        assertEquals(AuthenticationStatus.SUCCESS, login.status());
        assertEquals("operator", login.context().loggedIn);
        assertSecurityHeaders(login.response());
    }

    private static FakeRequest basicRequest(String password, String address) {
        return FakeRequest.of("GET", "/api/printers")
                .header("Authorization", basic("operator", password))
                .from(address);
    }

    private static FakeRequest form(String password, String address) {
        return FakeRequest.of("POST", "/login")
                .parameter("username", "operator")
                .parameter("password", password)
                .from(address);
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWith429UncheckedOverBasic() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, validate(basicRequest("guess-" + i, "192.0.2.10")).response().status);
        }
        Answer locked = validate(basicRequest("s3cret", "198.51.100.7"));
        assertEquals(429, locked.response().status);
        assertEquals("60", locked.response().header("Retry-After"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, locked.status(), "answered as written");
        assertEquals("application/json", locked.response().contentType);
        assertEquals(
                "{\"error\":{\"type\":\"TooManyRequests\",\"message\":\"Too many failed logins: try again in"
                        + " 60 seconds\"}}",
                locked.response().text());
        assertEquals(null, locked.context().loggedIn);
        assertEquals(5, passwordsChecked, "the password of a locked attempt is not checked");
        assertSecurityHeaders(locked.response());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                AuthenticationStatus.SUCCESS,
                validate(basicRequest("s3cret", "198.51.100.7")).status());
    }

    @Test
    void theLoginFormIsThrottledTooWithAPageSaying429() {
        for (int i = 0; i < 5; i++) {
            Answer wrong = validate(form("guess-" + i, "192.0.2.10"));
            assertEquals("/console/login.html?failed", wrong.response().header("Location"));
        }
        Answer locked = validate(form("s3cret", "192.0.2.10"));
        assertEquals(429, locked.response().status);
        assertEquals("60", locked.response().header("Retry-After"));
        assertEquals("text/html;charset=UTF-8", locked.response().contentType);
        String page = locked.response().text();
        assertTrue(page.contains("Too many failed logins. Try again in 1 minute."), page);
        assertFalse(page.contains("s3cret") || page.contains("guess-"), "no password in the answer");
        assertEquals(null, locked.context().loggedIn);
        assertEquals(5, passwordsChecked);
    }

    @Test
    void aSuccessfulLoginResetsTheUsersCount() {
        for (int i = 0; i < 4; i++) {
            validate(form("guess-" + i, "192.0.2.10"));
        }
        assertEquals(
                AuthenticationStatus.SUCCESS,
                validate(form("s3cret", "192.0.2.10")).status());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, validate(basicRequest("guess-" + i, "192.0.2.10")).response().status);
        }
        assertEquals(
                AuthenticationStatus.SUCCESS,
                validate(basicRequest("s3cret", "192.0.2.10")).status());
    }

    @Test
    void anAddressGuessingManyUserNamesIsLockedButNotTheOperatorElsewhere() {
        for (int i = 0; i < 20; i++) {
            validate(FakeRequest.of("GET", "/api/printers")
                    .header("Authorization", basic("user-" + i, "x"))
                    .from("203.0.113.5"));
        }
        assertEquals(429, validate(basicRequest("s3cret", "203.0.113.5")).response().status, "the address is locked");
        assertEquals(
                AuthenticationStatus.SUCCESS,
                validate(basicRequest("s3cret", "192.0.2.10")).status(),
                "the operator from elsewhere is not");
    }

    @Test
    void publishedOverHttpsPlainHttpIsRedirectedBeforeAnyPasswordIsChecked() {
        authentication.https = new HttpsRedirect(Optional.of("https://farm.example/console"));
        FakeRequest plain = basicRequest("wrong", "192.0.2.10").header("Host", "evil.example");
        plain.query = "a=1";
        Answer answer = validate(plain);
        assertEquals(308, answer.response().status);
        assertEquals(
                "https://farm.example/console/api/printers?a=1",
                answer.response().header("Location"));
        assertEquals(AuthenticationStatus.SEND_CONTINUE, answer.status());
        assertEquals(0, passwordsChecked);
        assertSecurityHeaders(answer.response());

        FakeRequest secure = basicRequest("s3cret", "192.0.2.10");
        secure.secure = true;
        assertEquals(AuthenticationStatus.SUCCESS, validate(secure).status());
    }
}
