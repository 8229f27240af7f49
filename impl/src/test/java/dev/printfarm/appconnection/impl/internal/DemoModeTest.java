package dev.printfarm.appconnection.impl.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DemoModeTest {

    @Test
    void aSandboxOnThisMachineIsDemoMode() {
        for (String url : new String[] {
            "http://localhost:9080/sandbox",
            "http://LocalHost/sandbox",
            "http://127.0.0.1:9080/sandbox",
            "http://127.0.1.7/sandbox",
            "http://[::1]:9080/sandbox"
        }) {
            assertTrue(DemoMode.of(URI.create(url)), url);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String url : new String[] {
            "https://octoeverywhere.com",
            "http://localhost.evil.example/sandbox",
            "http://sandbox.localhost.example",
            "http://10.0.0.5:9080/sandbox",
            "http://0177.0.0.1/sandbox",
            "http://2130706433/sandbox",
            "http://[::2]/sandbox",
            "http://localhost./sandbox"
        }) {
            assertFalse(DemoMode.of(URI.create(url)), url);
        }
    }
}
