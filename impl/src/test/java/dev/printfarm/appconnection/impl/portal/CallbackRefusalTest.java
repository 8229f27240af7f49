package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CallbackRefusalTest {

    @Test
    void metricTagsAreAFixedSetOfPlainWords() {
        assertEquals("other-browser", CallbackRefusal.OTHER_BROWSER.tag());
        assertTrue(Arrays.stream(CallbackRefusal.values()).allMatch(r -> r.tag().matches("[a-z-]{1,30}")));
        assertEquals(8, CallbackRefusal.values().length);
    }
}
