package dev.printfarm.appconnection.impl.relay;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelayUrlsTest {

    @Test
    void aBadHostPatternFailsNamingTheKeyTheValueAndTheForms() {
        var e = assertThrows(IllegalStateException.class, () -> RelayUrls.configured("*.octoeverywhere.com,https://x", false));
        assertTrue(e.getMessage().contains("appconnection.relay.allowed-hosts"), e.getMessage());
        assertTrue(e.getMessage().contains("https://x"), e.getMessage());
        assertTrue(e.getMessage().contains("*.domain"), e.getMessage());
    }
}
