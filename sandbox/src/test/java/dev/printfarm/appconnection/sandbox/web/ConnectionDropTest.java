package dev.printfarm.appconnection.sandbox.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionDropTest {

    private ServerSocket listener;
    private Socket client;
    private Socket server;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        client.setSoTimeout(5_000);
        server = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void theClientReadsEndOfStreamBeforeAnyByte() throws IOException {
        assertTrue(ConnectionDrop.drop(libertyLike(server)));

        assertEquals(-1, client.getInputStream().read());
    }

    @Test
    void aWrappedRequestLeadsToTheSameSocket() throws IOException {
        assertTrue(ConnectionDrop.drop(new HttpServletRequestWrapper(libertyLike(server))));

        assertEquals(-1, client.getInputStream().read());
    }

    @Test
    void aContainerWithoutThatWayToItsSocketIsLeftAlone() {
        HttpServletRequest plain = (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (self, method, args) -> null);

        assertFalse(ConnectionDrop.drop(plain));
        assertFalse(server.isOutputShutdown());
    }

    @Test
    void theWayFollowsLibertysObjectsFromRequestToSocket() {
        assertEquals(
                List.of(
                        "getIRequest",
                        "getHttpInboundConnection",
                        "getTCPConnectionContext",
                        "getSocketIOChannel",
                        "getSocket"),
                ConnectionDrop.PATH_TO_SOCKET);
    }

    /** A request whose getters lead to {@code socket} the way Liberty's objects do. */
    private static HttpServletRequest libertyLike(Socket socket) {
        Hop io = new Hop(socket, "getSocket");
        Hop tcp = new Hop(io, "getSocketIOChannel");
        Hop connection = new Hop(tcp, "getTCPConnectionContext");
        Hop internal = new Hop(connection, "getHttpInboundConnection");
        return (HttpServletRequest) Proxy.newProxyInstance(
                ConnectionDropTest.class.getClassLoader(),
                new Class<?>[] {LibertyRequest.class},
                (self, method, args) -> "getIRequest".equals(method.getName()) ? internal : null);
    }

    /** The one method of Liberty's request that this needs beyond the Servlet API. */
    public interface LibertyRequest extends HttpServletRequest {
        Object getIRequest();
    }

    /** One step on the way: answers {@code next} from the getter named. */
    public static final class Hop {

        private final Object next;
        private final String getter;

        Hop(Object next, String getter) {
            this.next = next;
            this.getter = getter;
        }

        public Object getSocket() {
            return answer("getSocket");
        }

        public Object getSocketIOChannel() {
            return answer("getSocketIOChannel");
        }

        public Object getTCPConnectionContext() {
            return answer("getTCPConnectionContext");
        }

        public Object getHttpInboundConnection() {
            return answer("getHttpInboundConnection");
        }

        private Object answer(String called) {
            return called.equals(getter) ? next : null;
        }
    }
}
