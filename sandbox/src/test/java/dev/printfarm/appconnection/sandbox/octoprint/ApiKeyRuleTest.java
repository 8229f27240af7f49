package dev.printfarm.appconnection.sandbox.octoprint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyRuleTest {

    @Test
    void uncheckedRuleLetsRequestsWithoutKeyThrough() {
        assertTrue(ApiKeyRule.unchecked().admits(Optional.empty()));
    }

    @Test
    void withoutIssuedKeysNothingGetsThrough() {
        ApiKeyRule none = ApiKeyRule.oneOf(List.of());

        assertFalse(none.admits(Optional.empty()));
        assertFalse(none.admits(Optional.of("")));
        assertFalse(none.admits(Optional.of("ANYTHING")));
    }

    @Test
    void anyIssuedKeyGetsThroughButOnlyExactly() {
        ApiKeyRule two = ApiKeyRule.oneOf(List.of("AAAA", "BBBB"));

        assertTrue(two.admits(Optional.of("AAAA")));
        assertTrue(two.admits(Optional.of("BBBB")));
        assertFalse(two.admits(Optional.of("aaaa")));
        assertFalse(two.admits(Optional.of("AAAA ")));
        assertFalse(two.admits(Optional.empty()));
    }

    @Test
    void toStringDoesNotShowTheKeys() {
        assertFalse(ApiKeyRule.oneOf(List.of("SECRETKEY")).toString().contains("SECRETKEY"));
    }
}
