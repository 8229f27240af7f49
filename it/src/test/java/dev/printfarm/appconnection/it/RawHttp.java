package dev.printfarm.appconnection.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request target exactly as given, malformed percent-encodings included, which no URI class
 * lets through. Returns the status code, or -1 when the server closed without a status line.
 */
public final class RawHttp {

    private RawHttp() {}

    public static int get(String host, int port, String target) {
        return get(host, port, target, "");
    }

    /** Like {@link #get(String, int, String)}, with a {@code Cookie} header when {@code cookie} is not empty. */
    public static int get(String host, int port, String target, String cookie) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            String cookieLine = cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n";
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + cookieLine
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return status(socket.getInputStream());
        } catch (IOException e) {
            return -1;
        }
    }

    private static int status(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        String[] parts = line.toString().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
