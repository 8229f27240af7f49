package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesPercentAndPlusAndKeepsRepeatedKeys() throws Exception {
        var map = QueryString.parse("a=x%20y+z&b=%C3%A9&a=2&empty=&flag");
        assertArrayEquals(new String[] {"x y z", "2"}, map.get("a"));
        assertEquals("é", map.get("b")[0]);
        assertEquals("", map.get("empty")[0]);
        assertEquals("", map.get("flag")[0]);
    }

    @Test
    void malformedEncodingRefusesTheWholeQueryInsteadOfDroppingWhatFollows() {
        assertThrows(InvalidCallbackException.class, () -> QueryString.parse("id=1&x=%zz&ID=2"));
        assertThrows(InvalidCallbackException.class, () -> QueryString.parse("id=1&x=%"));
        assertThrows(InvalidCallbackException.class, () -> QueryString.parse("id=1&x=%4"));
        assertThrows(InvalidCallbackException.class, () -> QueryString.parse("x=%C3%28"));
        assertThrows(InvalidCallbackException.class, () -> QueryString.parse("x=caf\u00e9"));
    }

    @Test
    void emptyOrAbsentQueryHasNoParameters() throws Exception {
        assertTrue(QueryString.parse(null).isEmpty());
        assertTrue(QueryString.parse("").isEmpty());
        assertTrue(QueryString.parse("&&").isEmpty());
    }

    @Test
    void tooManyParametersOrTooLongAreRefused() {
        assertThrows(
                InvalidCallbackException.class, () -> QueryString.parse("a=1&".repeat(QueryString.MAX_PARAMETERS + 1)));
        assertThrows(
                InvalidCallbackException.class, () -> QueryString.parse("a=" + "x".repeat(QueryString.MAX_LENGTH)));
    }
}
