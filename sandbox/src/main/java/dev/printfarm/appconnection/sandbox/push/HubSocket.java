package dev.printfarm.appconnection.sandbox.push;

import dev.printfarm.appconnection.sandbox.printer.EmulatedPrinter;
import java.util.function.Consumer;

/**
 * One open socket of one printer, as a {@link SocketHub} keeps it: whatever it sends goes through its
 * {@link PushOutbox}; a failed send closes it with {@link #UNEXPECTED_CONDITION} and tells the hub. Subclasses (the
 * push socket, Moonraker's JSON-RPC socket) hold their protocol and guard their state with this object's lock.
 */
public abstract class HubSocket {

    public static final int GOING_AWAY = 1001;
    public static final int UNEXPECTED_CONDITION = 1011;

    private final long id;
    private final EmulatedPrinter printer;
    private final PushTransport transport;
    protected final PushOutbox outbox;
    /** Guarded by this object's lock. */
    protected boolean closed;

    /**
     * @param frameSent told about every message that reached the wire
     * @param broken    told once when a send failed; the socket has then closed itself with
     *                  {@link #UNEXPECTED_CONDITION}
     */
    protected HubSocket(
            long id, EmulatedPrinter printer, PushTransport transport, Runnable frameSent, Consumer<HubSocket> broken) {
        this.id = id;
        this.printer = printer;
        this.transport = transport;
        this.outbox = new PushOutbox(transport, new PushOutbox.Listener() {
            @Override
            public void sent() {
                frameSent.run();
            }

            @Override
            public void failed(Throwable failure) {
                close(UNEXPECTED_CONDITION, "Sending failed");
                broken.accept(HubSocket.this);
            }
        });
    }

    public long id() {
        return id;
    }

    public EmulatedPrinter printer() {
        return printer;
    }

    /** False when it was closed already; the transport is closed outside the lock. */
    public boolean close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            outbox.close();
        }
        transport.close(code, reason);
        return true;
    }

    /** The client or the network closed it: nothing to send any more. */
    public synchronized void closedByPeer() {
        closed = true;
        outbox.close();
    }
}
