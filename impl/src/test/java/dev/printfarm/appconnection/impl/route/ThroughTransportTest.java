package dev.printfarm.appconnection.impl.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The content type a printer's answer is read with: what it says, or JSON where it says nothing useful. */
class ThroughTransportTest {

    private static HttpHeaders headers(String... contentType) {
        return HttpHeaders.of(contentType.length == 0 ? Map.of() : Map.of("Content-Type", List.of(contentType)),
                (name, value) -> true);
    }

    private static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJsonBodyWithoutContentTypeIsReadAsJson() {
        assertEquals("application/json", ThroughTransport.contentType(headers(), body("  {\"state\": \"Printing\"}")));
        assertEquals("application/json", ThroughTransport.contentType(headers(), body("[1, 2]")));
    }

    @Test
    void aJsonBodyWithAGenericContentTypeIsReadAsJson() {
        assertEquals("application/json", ThroughTransport.contentType(headers("text/plain; charset=utf-8"),
                body("{}")));
        assertEquals("application/json", ThroughTransport.contentType(headers("application/octet-stream"),
                body("\n{}")));
    }

    @Test
    void aDeclaredTypeIsKept() {
        assertEquals("text/html", ThroughTransport.contentType(headers("text/html"), body("{}")));
        assertEquals("application/json;charset=UTF-8", ThroughTransport.contentType(
                headers("application/json;charset=UTF-8"), body("{}")));
    }

    @Test
    void aBodyThatIsNotJsonKeepsWhatItSays() {
        assertEquals("text/plain", ThroughTransport.contentType(headers("text/plain"), body("OK")));
        assertEquals("application/octet-stream", ThroughTransport.contentType(headers(), body("GIF89a")));
    }
}
