package dev.printfarm.appconnection.sandbox.lan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanServletTest {

    @Test
    void servesBothTheByIdAndTheByAddressFace() {
        WebServlet mapping = LanServlet.class.getAnnotation(WebServlet.class);

        assertEquals(List.of("/lan/*", LanServlet.BY_LAN_IP + "/*"), List.of(mapping.urlPatterns()));
    }
}
