package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientMessageTest {

    @Test
    void authSplitsUserAndSessionAtTheFirstColon() {
        assertEquals(new ClientMessage.Auth("sandbox", "ab:cd"), ClientMessage.parse("{\"auth\": \"sandbox:ab:cd\"}"));
    }

    @Test
    void anAuthThatIsNoUserColonSessionMatchesNothing() {
        assertEquals(new ClientMessage.Auth("", ""), ClientMessage.parse("{\"auth\": \"nocolon\"}"));
        assertEquals(new ClientMessage.Auth("", ""), ClientMessage.parse("{\"auth\": 42}"));
        assertEquals(new ClientMessage.Auth("", ""), ClientMessage.parse("{\"auth\": null}"));
    }

    @Test
    void throttleTakesWholeNumbersFromOne() {
        assertEquals(new ClientMessage.Throttle(1), ClientMessage.parse("{\"throttle\": 1}"));
        assertEquals(new ClientMessage.Throttle(4), ClientMessage.parse("{\"throttle\": 4.0}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"throttle\": 0}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"throttle\": 1.5}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"throttle\": -2}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"throttle\": \"2\"}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"throttle\": 100000}"));
    }

    @Test
    void everythingElseIsIgnored() {
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("{\"subscribe\": {\"state\": true}}"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("[\"auth\"]"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse("not json"));
        assertEquals(new ClientMessage.Ignored(), ClientMessage.parse(""));
    }
}
