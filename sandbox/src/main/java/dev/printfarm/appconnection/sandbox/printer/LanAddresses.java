package dev.printfarm.appconnection.sandbox.printer;

/**
 * Each printer's own loopback LAN address, derived from its number like its id: printer N (1-based) is
 * {@code 127.0.(1 + (N-1) / 254).(1 + (N-1) % 254)}, so printers 1..254 are {@code 127.0.1.1}..{@code 127.0.1.254},
 * printer 255 is {@code 127.0.2.1}, and so on up to {@link #MAX_NUMBER}. The last octet is never 0 or 255, and
 * every address stays inside {@code 127.0.0.0/8}, away from {@code 127.0.0.1}.
 */
final class LanAddresses {

    static final int PER_BLOCK = 254;
    /** Third octets 1..255, 254 printers each. */
    static final int MAX_NUMBER = 255 * PER_BLOCK;

    private LanAddresses() {}

    static String forNumber(int number) {
        if (number < 1 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("No LAN address for printer number " + number + "; 1.." + MAX_NUMBER);
        }
        int index = number - 1;
        return "127.0." + (1 + index / PER_BLOCK) + "." + (1 + index % PER_BLOCK);
    }
}
