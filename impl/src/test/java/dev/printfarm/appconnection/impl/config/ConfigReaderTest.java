package dev.printfarm.appconnection.impl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    /** A configuration that holds exactly {@code values}. */
    static ConfigReader reading(Map<String, String> values) {
        return new ConfigReader(key -> Optional.ofNullable(values.get(key)));
    }

    /** The one problem the reader found. */
    private static String onlyProblem(ConfigReader in) {
        assertEquals(1, in.problems().size(), in.problems().toString());
        return in.problems().get(0);
    }

    private static void assertNames(String problem, String key, String value, String allowed) {
        assertTrue(problem.contains(key), problem);
        assertTrue(problem.contains("\"" + value + "\""), problem);
        assertTrue(problem.contains(allowed), problem);
    }

    @Test
    void unsetKeysGiveTheirDefaultsAndNoProblem() {
        ConfigReader in = reading(Map.of());
        assertEquals(Duration.ofSeconds(10), in.duration("a.duration", "PT10S"));
        assertEquals(Duration.ZERO, in.durationOrZero("a.cycle", "PT0S", "off"));
        assertEquals(7, in.integer("a.count", 7, 1, 10));
        assertEquals(4096L, in.bytes("a.cap", 4096, 1, Long.MAX_VALUE));
        assertTrue(in.bool("a.switch", true));
        assertEquals("/x", in.path("a.path", "/x"));
        assertEquals(URI.create("https://octoeverywhere.com"), in.httpUrl("a.url", "https://octoeverywhere.com/"));
        assertEquals(Optional.empty(), in.secret("a.secret", "any text"));
        assertEquals(List.of(), in.problems());
        in.enforce();
    }

    @Test
    void blankCountsAsNotSetAndValuesAreStripped() {
        ConfigReader in = reading(Map.of("a.duration", "   ", "a.count", " 5 "));
        assertEquals(Duration.ofSeconds(10), in.duration("a.duration", "PT10S"));
        assertEquals(5, in.integer("a.count", 7, 1, 10));
        assertEquals(List.of(), in.problems());
    }

    @Test
    void aNegativeDurationNamesTheKeyTheValueAndWhatIsAllowed() {
        ConfigReader in = reading(Map.of("appconnection.fleet.cycle", "-PT1S"));
        assertEquals(
                Duration.ZERO,
                in.durationOrZero("appconnection.fleet.cycle", "PT0S", "off"),
                "a refused value gives the default, so that reading goes on");
        assertNames(onlyProblem(in), "appconnection.fleet.cycle", "-PT1S", "zero (PT0S: off) or positive");
        assertTrue(in.refused("appconnection.fleet.cycle"));
    }

    @Test
    void zeroIsRefusedWhereADurationMustBePositive() {
        for (String bad : new String[] {"PT0S", "-PT1M"}) {
            ConfigReader in = reading(Map.of("appconnection.portal.purge-interval", bad));
            in.duration("appconnection.portal.purge-interval", "PT5M");
            assertNames(onlyProblem(in), "appconnection.portal.purge-interval", bad, "a positive ISO-8601 duration");
        }
    }

    @Test
    void textThatIsNoDurationNamesTheForm() {
        for (String bad : new String[] {"5m", "300", "PT", "10 seconds"}) {
            ConfigReader in = reading(Map.of("appconnection.relay.read-timeout", bad));
            in.duration("appconnection.relay.read-timeout", "PT20S");
            assertNames(onlyProblem(in), "appconnection.relay.read-timeout", bad, "ISO-8601 duration, e.g. PT10S");
        }
    }

    @Test
    void aDurationOutsideItsBoundsNamesTheBounds() {
        ConfigReader in = reading(Map.of("gadget.poll", "PT5S", "renew", "P180D"));
        in.duration("gadget.poll", "PT10S", Duration.ofSeconds(10), null);
        in.duration("renew", "P150D", Duration.ofNanos(1), Duration.ofDays(179));
        assertEquals(2, in.problems().size(), in.problems().toString());
        assertNames(in.problems().get(0), "gadget.poll", "PT5S", "at least PT10S");
        assertNames(in.problems().get(1), "renew", "P180D", "at most P179D");
    }

    @Test
    void aNumberOutOfRangeOrNotANumberNamesTheRange() {
        for (String bad : new String[] {"0", "-1", "100001", "1.5", "many", "99999999999999999999"}) {
            ConfigReader in = reading(Map.of("appconnection.relay.max-concurrent", bad));
            assertEquals(200, in.integer("appconnection.relay.max-concurrent", 200, 1, 100_000));
            assertNames(onlyProblem(in), "appconnection.relay.max-concurrent", bad, "a whole number from 1 to 100000");
        }
        ConfigReader bytes = reading(Map.of("appconnection.limits.json-bytes", "4MiB"));
        bytes.bytes("appconnection.limits.json-bytes", 4096, 1, Long.MAX_VALUE);
        assertNames(onlyProblem(bytes), "appconnection.limits.json-bytes", "4MiB", "a whole number of bytes from 1 to");
    }

    @Test
    void anUnknownChoiceListsTheChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("bearer", "B");
        choices.put("basic", "b");
        ConfigReader in = reading(Map.of("appconnection.relay.auth-preference", "token", "ok", "BASIC"));
        assertEquals("B", in.choice("appconnection.relay.auth-preference", "bearer", choices));
        assertEquals("b", in.choice("ok", "bearer", choices), "names in any case");
        assertNames(onlyProblem(in), "appconnection.relay.auth-preference", "token", "one of bearer, basic");
    }

    @Test
    void aBooleanIsTrueOrFalse() {
        ConfigReader in = reading(Map.of("appconnection.lan.enabled", "yes", "b", "FALSE"));
        assertTrue(in.bool("appconnection.lan.enabled", true));
        assertFalse(in.bool("b", true));
        assertNames(onlyProblem(in), "appconnection.lan.enabled", "yes", "one of true, false");
    }

    @Test
    void aUrlThatDoesNotParseOrIsNotAbsoluteHttpNamesTheForm() {
        for (String bad : new String[] {
            "https://exa mple.com",
            "octoeverywhere.com",
            "ftp://octoeverywhere.com",
            "https://octoeverywhere.com/?x=1",
            "https://octoeverywhere.com/#top",
            "http:///path"
        }) {
            ConfigReader in = reading(Map.of("appconnection.octoeverywhere.url", bad));
            in.httpUrl("appconnection.octoeverywhere.url", "https://octoeverywhere.com");
            assertNames(onlyProblem(in), "appconnection.octoeverywhere.url", bad, "an absolute http or https URL");
        }
        ConfigReader ok = reading(Map.of("u", "http://127.0.0.1:9081/sandbox/"));
        assertEquals(
                URI.create("http://127.0.0.1:9081/sandbox"),
                ok.httpUrl("u", "https://octoeverywhere.com"),
                "without the trailing slash");
    }

    @Test
    void aPathMustStartWithASlashAndCarryNoQuery() {
        for (String bad : new String[] {"callback", "/a?b", "/a#b", "//a"}) {
            ConfigReader in = reading(Map.of("appconnection.portal.callback-path", bad));
            assertEquals(
                    "/appconnection/callback",
                    in.path("appconnection.portal.callback-path", "/appconnection/callback"));
            assertNames(onlyProblem(in), "appconnection.portal.callback-path", bad, "a path starting with /");
        }
    }

    @Test
    void aMissingKeyWithoutDefaultSaysWhatToSet() {
        ConfigReader in = reading(Map.of());
        in.required("appconnection.app-id", "the app id OctoEverywhere assigned to you");
        in.requiredHttpUrl("appconnection.public-base-url", "the application's public URL");
        assertEquals(2, in.problems().size());
        assertTrue(
                in.problems()
                        .get(0)
                        .contains("appconnection.app-id is not set and has no default; set it to the"
                                + " app id OctoEverywhere assigned to you"),
                in.problems().get(0));
        assertTrue(
                in.problems().get(1).contains("appconnection.public-base-url is not set"),
                in.problems().get(1));
    }

    @Test
    void aSecretValueIsNeverShown() {
        String secret = "k1:c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMw==";
        ConfigReader in = reading(Map.of("appconnection.store.keys", secret));
        Optional<Object> parsed = in.readSecret(
                "appconnection.store.keys",
                text -> {
                    throw new IllegalArgumentException("key 'k1' has 27 bytes");
                },
                "id:base64key");
        assertEquals(Optional.empty(), parsed);
        String problem = onlyProblem(in);
        assertTrue(problem.contains("appconnection.store.keys is <hidden>"), problem);
        assertTrue(problem.contains("key 'k1' has 27 bytes"), "the parser's reason: " + problem);
        assertFalse(problem.contains(secret), problem);
        assertFalse(problem.contains("c2VjcmV0"), problem);
        in.refuse("appconnection.store.keys", "a rule across keys");
        assertFalse(in.problems().get(1).contains("c2VjcmV0"), in.problems().get(1));
        assertTrue(in.keys().stream().anyMatch(k -> k.name().equals("appconnection.store.keys") && k.secret()));
    }

    @Test
    void everyProblemIsReportedTogetherInOneMessage() {
        ConfigReader in = reading(Map.of(
                "appconnection.fleet.cycle",
                "-PT1S",
                "appconnection.fleet.concurrency",
                "0",
                "appconnection.store.keys",
                "hunter2"));
        in.durationOrZero("appconnection.fleet.cycle", "PT0S", "off");
        in.integer("appconnection.fleet.concurrency", 100, 1, 100_000);
        in.required("appconnection.app-id", "the app id");
        in.readSecret(
                "appconnection.store.keys",
                text -> {
                    throw new IllegalArgumentException("each key must be written id:base64key");
                },
                "id:base64key");
        var e = assertThrows(InvalidConfigurationException.class, in::enforce);
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("The App Connections module will not start:\n - "), e.getMessage());
        for (String key : List.of(
                "appconnection.fleet.cycle",
                "appconnection.fleet.concurrency",
                "appconnection.app-id",
                "appconnection.store.keys")) {
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aValueThatCannotBeReadAtAllIsAProblemOfItsKey() {
        ConfigReader in = new ConfigReader(key -> {
            throw new NoSuchElementException("expression ${nowhere} of " + key + " cannot be expanded");
        });
        assertEquals(Duration.ofSeconds(5), in.duration("appconnection.relay.connect-timeout", "PT5S"));
        String problem = onlyProblem(in);
        assertTrue(problem.contains("appconnection.relay.connect-timeout cannot be read"), problem);
    }

    @Test
    void aLongOrControlCharacterValueIsShownShortAndPrintable() {
        ConfigReader in = reading(Map.of("p", "x".repeat(500) + "\n"));
        in.integer("p", 1, 1, 2);
        String problem = onlyProblem(in);
        assertTrue(problem.contains("x".repeat(120) + "…\""), problem);
        assertFalse(problem.contains("x".repeat(121)), problem);
    }

    @Test
    void eachKeyIsReadOnceAndRemembersItsDefaultTypeAndWhatIsAllowed() {
        ConfigReader in = reading(Map.of());
        in.duration("a", "PT1S");
        in.required("b", "something");
        assertThrows(IllegalStateException.class, () -> in.duration("a", "PT1S"));
        assertEquals(
                List.of(
                        new ConfigReader.Key(
                                "a",
                                Optional.of("PT1S"),
                                false,
                                "duration",
                                "a positive ISO-8601 duration, e.g. PT10S"),
                        new ConfigReader.Key("b", Optional.empty(), false, "text", "any text")),
                List.copyOf(in.keys()));
    }

    @Test
    void wholeDaysAreWrittenAsDays() {
        assertEquals("P179D", ConfigReader.written(Duration.ofDays(179)));
        assertEquals("PT10S", ConfigReader.written(Duration.ofSeconds(10)));
    }
}
