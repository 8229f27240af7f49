package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.impl.relay.RelayUrlPolicy;
import dev.printfarm.appconnection.impl.store.NewConnection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionParserTest {

    private final CompletionParser parser =
            new CompletionParser(RelayUrlPolicy.of("*.octoeverywhere.com,localhost:9080", true));

    private static Map<String, String[]> params(String... keyValues) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], new String[] {keyValues[i + 1]});
        }
        return map;
    }

    private static Map<String, String[]> complete(String... extra) {
        Map<String, String[]> map = params(
                "success",
                "true",
                "id",
                "abc123",
                "url",
                "https://app-xyz.octoeverywhere.com",
                "appApiToken",
                "tok",
                "printername",
                "MK4",
                "authBearerToken",
                "bearer");
        map.putAll(params(extra));
        return map;
    }

    @Test
    void completeAnswerBecomesAConnection() throws Exception {
        NewConnection c = parser.parse(complete(
                        "printerLastKnownLocalIp",
                        "127.0.0.1",
                        "userPrinterAccessUrl",
                        "https://octoeverywhere.com/p/1",
                        "octoPrintApiKey",
                        "KEY"))
                .orElseThrow();
        assertEquals("abc123", c.id());
        assertEquals("MK4", c.printerName());
        assertEquals(URI.create("https://app-xyz.octoeverywhere.com"), c.relayUrl());
        assertEquals("127.0.0.1", c.lastKnownLocalIp().orElseThrow());
        assertEquals("bearer", c.secrets().bearerToken().orElseThrow());
        assertEquals("KEY", c.secrets().octoPrintApiKey().orElseThrow());
    }

    @Test
    void legacyLowercaseKeysAreAccepted() throws Exception {
        NewConnection c = parser.parse(params(
                        "success",
                        "true",
                        "id",
                        "abc",
                        "url",
                        "https://app-1.octoeverywhere.com",
                        "appapitoken",
                        "tok",
                        "authbasichttpuser",
                        "u",
                        "authbasichttppassword",
                        "p"))
                .orElseThrow();
        assertEquals("u", c.secrets().basicUser().orElseThrow());
        assertEquals("p", c.secrets().basicPassword().orElseThrow());
    }

    @Test
    void successFalseIsACleanCancellation() throws Exception {
        assertTrue(parser.parse(params("success", "false")).isEmpty());
    }

    @Test
    void answerWithoutCredentialsIsRefused() {
        var e = assertThrows(
                InvalidCallbackException.class,
                () -> parser.parse(params(
                        "success", "true", "id", "a", "url", "https://app-1.octoeverywhere.com", "appApiToken", "t")));
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }

    @Test
    void plainHttpRelayOutsideTheConfiguredServiceIsRefused() {
        assertThrows(InvalidCallbackException.class, () -> parser.parse(complete("url", "http://evil.example/relay")));
    }

    @Test
    void relayUrlOffTheAllowListIsRefusedWithoutQuotingIt() {
        for (String url : new String[] {
            "https://evil.example/",
            "http://localhost:9080/sandbox/../console/",
            "https://octoeverywhere.com@evil.example"
        }) {
            var e = assertThrows(InvalidCallbackException.class, () -> parser.parse(complete("url", url)), url);
            assertFalse(e.getMessage().contains("evil"), e.getMessage());
        }
    }

    @Test
    void sandboxRelayIsAcceptedOverHttp() throws Exception {
        assertTrue(parser.parse(complete("url", "http://localhost:9080/sandbox/relay/abc"))
                .isPresent());
    }

    @Test
    void repeatedKeyWithDifferentValuesIsRefusedWithoutEchoingValues() {
        Map<String, String[]> map = complete();
        map.put("ID", new String[] {"other-secret-looking-value"});
        var e = assertThrows(InvalidCallbackException.class, () -> parser.parse(map));
        assertFalse(e.getMessage().contains("other-secret-looking-value"));
    }

    @Test
    void oversizedValueIsRefused() {
        assertThrows(
                InvalidCallbackException.class,
                () -> parser.parse(complete("appApiToken", "x".repeat(CompletionParser.MAX_VALUE_LENGTH + 1))));
    }

    @Test
    void missingIdIsRefused() {
        Map<String, String[]> map = complete();
        map.remove("id");
        assertThrows(InvalidCallbackException.class, () -> parser.parse(map));
    }

    @Test
    void connectionIdWithPathCharactersIsRefused() {
        assertThrows(InvalidCallbackException.class, () -> parser.parse(complete("id", "../../etc")));
    }

    @Test
    void valuesLongerThanTheirColumnAreRefused() {
        assertThrows(
                InvalidCallbackException.class,
                () -> parser.parse(complete("printername", "n".repeat(CompletionParser.MAX_NAME_LENGTH + 1))));
        assertThrows(
                InvalidCallbackException.class,
                () -> parser.parse(complete("authBearerToken", "b".repeat(CompletionParser.MAX_SECRET_LENGTH + 1))));
        assertThrows(
                InvalidCallbackException.class,
                () -> parser.parse(complete(
                        "url", "https://a.octoeverywhere.com/" + "p".repeat(CompletionParser.MAX_URL_LENGTH))));
    }

    @Test
    void secretsAtTheirLimitsStillFitTheSealedColumn() throws Exception {
        String max = "s".repeat(CompletionParser.MAX_SECRET_LENGTH);
        var c = parser.parse(complete(
                        "appApiToken",
                        max,
                        "authBearerToken",
                        max,
                        "authBasicHttpUser",
                        max,
                        "authBasicHttpPassword",
                        max,
                        "octoPrintApiKey",
                        max))
                .orElseThrow();
        var ring = dev.printfarm.appconnection.impl.store.SecretKeyRing.demo();
        String sealed = dev.printfarm.appconnection.impl.store.SecretBox.seal(
                c.secrets(), c.id(), ring.activeId(), ring.active());
        assertTrue(sealed.length() <= 8192, "sealed length " + sealed.length());
    }
}
