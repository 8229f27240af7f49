package dev.printfarm.appconnection.impl.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.printfarm.appconnection.api.PortalRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortalUrlsTest {

    private static Map<String, String> query(URI uri) {
        Map<String, String> map = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return map;
    }

    @Test
    void portalUrlCarriesEveryRequestedParameterEncoded() {
        URI returnUrl =
                PortalUrls.returnUrl(URI.create("https://farm.example/console"), "/appconnection/callback", "s t&x");
        URI portal = PortalUrls.portalUrl(
                URI.create("https://octoeverywhere.com"),
                "devtest",
                returnUrl,
                PortalRequest.forOwner("farm").withPrinterId("P1").withOctoPrintApiKey("Farm Console"));
        assertTrue(portal.toString().startsWith("https://octoeverywhere.com/appportal/v1/?"), portal.toString());
        Map<String, String> q = query(portal);
        assertEquals("devtest", q.get("appId"));
        assertEquals("P1", q.get("printerId"));
        assertEquals("Farm Console", q.get("octoPrintApiKeyAppName"));
        URI back = URI.create(q.get("returnUrl"));
        assertEquals("/console/appconnection/callback", back.getPath());
        assertEquals("s t&x", query(back).get("state"));
    }
}
