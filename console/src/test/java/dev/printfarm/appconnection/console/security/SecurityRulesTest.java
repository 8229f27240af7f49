package dev.printfarm.appconnection.console.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.console.ConsoleSettings;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's login rules without a container: who may log in, when it refuses to start, what counts as same-origin. */
class SecurityRulesTest {

    private static ConsoleSettings settings(String password, boolean demo) {
        return new ConsoleSettings() {
            @Override
            public String operatorUser() {
                return "operator";
            }

            @Override
            public String operatorPassword() {
                return password;
            }

            @Override
            public boolean demo() {
                return demo;
            }

            @Override
            public boolean defaultPassword() {
                return DEMO_OPERATOR.equals(password);
            }
        };
    }

    private static StartupGuard guard(String password, boolean demo) {
        StartupGuard guard = new StartupGuard();
        guard.settings = settings(password, demo);
        return guard;
    }

    @Test
    void theDemoPasswordStartsOnlyInTheSandboxDemo() {
        var refused = assertThrows(
                IllegalStateException.class, () -> guard("operator", false).check(new Object()));
        assertTrue(refused.getMessage().contains("console.operator.password"), refused.getMessage());
        assertDoesNotThrow(() -> guard("operator", true).check(new Object()));
        assertDoesNotThrow(() -> guard("a-real-password", false).check(new Object()));
    }

    @Test
    void onlyTheConfiguredOperatorWithItsPasswordLogsIn() {
        OperatorIdentityStore store = new OperatorIdentityStore();
        store.settings = settings("s3cret", false);
        CredentialValidationResult ok = store.validate(new UsernamePasswordCredential("operator", "s3cret"));
        assertEquals(CredentialValidationResult.Status.VALID, ok.getStatus());
        assertEquals(java.util.Set.of(OperatorIdentityStore.OPERATOR_GROUP), ok.getCallerGroups());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(new UsernamePasswordCredential("operator", "s3cre"))
                        .getStatus());
        assertEquals(
                CredentialValidationResult.Status.INVALID,
                store.validate(new UsernamePasswordCredential("someone", "s3cret"))
                        .getStatus());
    }

    private static HttpServletRequest request(Map<String, String> headers, String serverName, int serverPort) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                SecurityRulesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getServerName" -> serverName;
                    case "getServerPort" -> serverPort;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void sameOriginFollowsWhatTheBrowserSays() {
        assertTrue(SameOrigin.allows(request(Map.of(), "farm.example", 443)), "a script sends neither header");
        assertTrue(SameOrigin.allows(request(Map.of("Origin", "https://farm.example"), "farm.example", 443)));
        assertTrue(SameOrigin.allows(request(
                Map.of("Origin", "http://localhost:9080", "Sec-Fetch-Site", "same-origin"), "localhost", 9080)));
        assertFalse(
                SameOrigin.allows(request(Map.of("Origin", "http://localhost:9081"), "localhost", 9080)),
                "another port");
        assertFalse(SameOrigin.allows(request(Map.of("Origin", "https://evil.example"), "farm.example", 443)));
        assertFalse(SameOrigin.allows(request(Map.of("Origin", "null"), "farm.example", 443)), "an opaque origin");
        assertTrue(
                SameOrigin.allows(
                        request(Map.of("Origin", "null", "Sec-Fetch-Site", "same-origin"), "farm.example", 443)),
                "the page's own post under Referrer-Policy: no-referrer");
        assertFalse(
                SameOrigin.allows(
                        request(Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"), "farm.example", 443)),
                "a sandboxed frame elsewhere");
        assertFalse(SameOrigin.allows(request(Map.of("Sec-Fetch-Site", "cross-site"), "farm.example", 443)));
        assertFalse(SameOrigin.allows(request(Map.of("Sec-Fetch-Site", "same-site"), "farm.example", 443)));
    }
}
