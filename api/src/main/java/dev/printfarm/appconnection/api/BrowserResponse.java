package dev.printfarm.appconnection.api;

/**
 * The HTTP response to the browser that starts a portal flow, as far as the module writes to it: one header at a
 * time. In a servlet pass {@code response::addHeader} ({@code HttpServletResponse}); call it before the response is
 * committed.
 */
@FunctionalInterface
public interface BrowserResponse {

    /** Adds a header to the browser's response, as {@code HttpServletResponse.addHeader} does. */
    void addHeader(String name, String value);
}
