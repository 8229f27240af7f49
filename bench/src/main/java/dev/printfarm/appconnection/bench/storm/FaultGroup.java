package dev.printfarm.appconnection.bench.storm;

/**
 * What fault-storm does to a printer. Printers are dealt by their index modulo 20, so every group is spread over the
 * whole fleet (and over the fleet monitor's refresh order): 13 slots in 20 stay healthy, each other group has one.
 */
public enum FaultGroup {

    /** Never given a fault; only the relay outage reaches it. */
    HEALTHY("healthy"),
    /** {@code failWith 601} in long windows: the printer is not connected to OctoEverywhere. */
    OFFLINE_601("601"),
    /** {@code failWith 602} after 2 s ({@code latencyMs 2000}) in long windows: the relay timed out. */
    TIMEOUT_602("602"),
    /** {@code failWith 600} for a few seconds, then nothing for a few. */
    BURST_600("600"),
    /** Every answer after a few seconds (below the module's read timeout): slow, but successful. */
    SLOW("slow"),
    /** In windows, {@code /api/printer} and {@code /api/job} answer 200 with a body that is not JSON. */
    GARBAGE("garbage"),
    /** In windows, every answer declares its whole body and sends only a few bytes of it, then the connection ends. */
    CUT_BODY("cut"),
    /** Push subscriptions whose printers alternate 601 and 600 windows, their sockets dropped when a window opens. */
    PUSH_6XX("push6xx");

    /** Groups by index modulo {@link #SLOTS}: slots 0..12 healthy, then one slot per faulty group. */
    public static final int SLOTS = 20;

    private final String label;

    FaultGroup(String label) {
        this.label = label;
    }

    /** The short name used in notes and in the RESULT line. */
    public String label() {
        return label;
    }

    public static FaultGroup of(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        int slot = index % SLOTS;
        FaultGroup[] faulty = values();
        int healthySlots = SLOTS - (faulty.length - 1);
        return slot < healthySlots ? HEALTHY : faulty[slot - healthySlots + 1];
    }
}
