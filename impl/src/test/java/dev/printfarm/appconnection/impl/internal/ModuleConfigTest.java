package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleConfigTest {

    @Test
    void aNegativeOrNonNumericCapFailsNamingTheKeyTheValueAndTheRange() {
        for (String bad : new String[] {"-1", "0", "4MiB", "1.5"}) {
            var e = assertThrows(IllegalStateException.class,
                    () -> ModuleConfig.bytes(ModuleConfig.LIMIT_JSON_BYTES, bad, Long.MAX_VALUE), bad);
            assertTrue(e.getMessage().contains("appconnection.limits.json-bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("was " + bad), e.getMessage());
            assertTrue(e.getMessage().contains("from 1 to"), e.getMessage());
        }
        assertEquals(65536, ModuleConfig.bytes(ModuleConfig.LIMIT_ERROR_BYTES, "65536", Long.MAX_VALUE));
    }

    @Test
    void aPurgeIntervalThatIsNotAPositiveDurationFailsNamingTheKeyAndTheValue() {
        for (String bad : new String[] {"5m", "PT0S", "-PT1M", "300"}) {
            var e = assertThrows(IllegalStateException.class,
                    () -> ModuleConfig.positiveDuration(ModuleConfig.FLOW_PURGE_INTERVAL, bad), bad);
            assertTrue(e.getMessage().contains("appconnection.portal.purge-interval"), e.getMessage());
            assertTrue(e.getMessage().contains("was " + bad), e.getMessage());
        }
        assertEquals(java.time.Duration.ofSeconds(30),
                ModuleConfig.positiveDuration(ModuleConfig.FLOW_PURGE_INTERVAL, "PT30S"));
    }
}
