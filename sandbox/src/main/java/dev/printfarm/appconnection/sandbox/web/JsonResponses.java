package dev.printfarm.appconnection.sandbox.web;

import jakarta.json.JsonStructure;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

public final class JsonResponses {

    private JsonResponses() {}

    /** Uses {@code setStatus}, never {@code sendError}: Liberty turns {@code sendError(6xx)} into a 500. */
    public static void write(HttpServletResponse response, int status, JsonStructure body, boolean withBody)
            throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        if (withBody) {
            response.getOutputStream().write(bytes);
        }
    }
}
