package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** A CIDR range of one address family, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}. Immutable. */
record IpRange(byte[] base, int prefix) {

    /** @throws IllegalArgumentException saying what a range must look like */
    static IpRange parse(String text) {
        String spec = text.strip();
        int slash = spec.indexOf('/');
        Optional<InetAddress> base = slash < 0 ? Optional.empty() : IpLiteral.parse(spec.substring(0, slash));
        if (base.isEmpty() || !spec.substring(slash + 1).matches("\\d{1,3}")) {
            throw new IllegalArgumentException("\"" + spec + "\" is not a range like 192.168.0.0/16 or fd00::/8");
        }
        if (spec.substring(0, slash).contains(":") && base.get() instanceof Inet4Address) {
            throw new IllegalArgumentException(
                    "\"" + spec + "\" is an IPv4-mapped range: write the IPv4 range instead");
        }
        byte[] raw = base.get().getAddress();
        int prefix = Integer.parseInt(spec.substring(slash + 1));
        if (prefix > raw.length * 8) {
            throw new IllegalArgumentException("\"" + spec + "\" has a prefix longer than " + raw.length * 8 + " bits");
        }
        IpRange range = new IpRange(raw, prefix);
        if (!java.util.Arrays.equals(range.network(), raw)) {
            throw new IllegalArgumentException("\"" + spec + "\" has bits set after its prefix (the range starts at "
                    + range.text(range.network()) + ")");
        }
        return range;
    }

    boolean contains(InetAddress address) {
        byte[] raw = address.getAddress();
        return contains(raw, raw.length * 8);
    }

    /** Whether this whole range lies inside {@code outer}. */
    boolean within(IpRange outer) {
        return outer.base.length == base.length && prefix >= outer.prefix && outer.contains(base, prefix);
    }

    /** Whether the two ranges share any address. */
    boolean overlaps(IpRange other) {
        return within(other) || other.within(this);
    }

    private boolean contains(byte[] raw, int rawPrefix) {
        if (raw.length != base.length || rawPrefix < prefix) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((raw[bit / 8] & mask) != (base[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private byte[] network() {
        byte[] net = base.clone();
        for (int bit = prefix; bit < net.length * 8; bit++) {
            net[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return net;
    }

    private String text(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw).getHostAddress() + "/" + prefix;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public String toString() {
        return text(base);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefix == prefix && java.util.Arrays.equals(r.base, base);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(base) + prefix;
    }
}
