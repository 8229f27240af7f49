package dev.printfarm.appconnection.sandbox.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PushPathsTest {

    @Test
    void aGetOfTheSockJsPathAskingForWebSocketIsAHandshake() {
        assertTrue(PushPaths.isHandshake("GET", "/sockjs/websocket", "websocket"));
        assertTrue(PushPaths.isHandshake("GET", "/sockjs/websocket", "WebSocket"));
        assertTrue(PushPaths.isHandshake("GET", "/sockjs/websocket", "h2c, websocket"));
    }

    @Test
    void aGetOfMoonrakersSocketPathIsAHandshakeTooTheRelayDecidesByKind() {
        assertTrue(PushPaths.isHandshake("GET", "/websocket", "websocket"));
    }

    @Test
    void anythingElseIsAnOrdinaryRelayedRequest() {
        assertFalse(PushPaths.isHandshake("GET", "/sockjs/websocket", null));
        assertFalse(PushPaths.isHandshake("GET", "/sockjs/websocket", "h2c"));
        assertFalse(PushPaths.isHandshake("POST", "/sockjs/websocket", "websocket"));
        assertFalse(PushPaths.isHandshake("GET", "/sockjs/info", "websocket"));
        assertFalse(PushPaths.isHandshake("GET", "/websocket/extra", "websocket"));
        assertFalse(PushPaths.isHandshake("GET", "/klippysocket", "websocket"));
    }
}
