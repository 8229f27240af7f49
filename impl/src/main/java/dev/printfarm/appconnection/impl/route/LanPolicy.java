package dev.printfarm.appconnection.impl.route;

import dev.printfarm.appconnection.impl.internal.IpLiteral;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which LAN addresses the module dials: only plain IP literals (a host name could point anywhere, also after a
 * check) inside the allowed ranges. Loopback, link-local, multicast, unspecified and broadcast addresses (IPv4-mapped
 * forms included) are refused unless a range that lies inside that very block admits them: {@code 127.0.0.0/8} admits
 * loopback, {@code 0.0.0.0/0} does not. Immutable.
 */
public final class LanPolicy {

    /** Blocks the module never dials by accident, by what they are. */
    private static final Map<IpRange, String> SPECIAL = special();

    private final List<IpRange> allowed;

    private LanPolicy(List<IpRange> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The decision for one address: the address to dial, or why not. */
    public record Verdict(Optional<InetAddress> address, Optional<String> refusal) {}

    /** @throws IllegalArgumentException naming the range that is wrong */
    public static LanPolicy of(String ranges) {
        List<IpRange> parsed = new ArrayList<>();
        for (String entry : ranges.split(",")) {
            if (!entry.isBlank()) {
                parsed.add(IpRange.parse(entry));
            }
        }
        return new LanPolicy(parsed);
    }

    public Verdict judge(String lanAddress) {
        Optional<InetAddress> literal = IpLiteral.parse(lanAddress == null ? null : lanAddress.strip());
        if (literal.isEmpty()) {
            return refused(
                    "the LAN address is not a plain IP address (host names and other spellings are not dialled)");
        }
        InetAddress address = literal.get();
        Optional<Map.Entry<IpRange, String>> block = SPECIAL.entrySet().stream()
                .filter(e -> e.getKey().contains(address))
                .findFirst();
        boolean admitted = allowed.stream()
                .anyMatch(range -> range.contains(address)
                        && block.map(b -> range.within(b.getKey())).orElse(true));
        if (admitted) {
            return new Verdict(Optional.of(address), Optional.empty());
        }
        String what = block.map(b -> " is " + b.getValue() + " address").orElse(" is");
        return refused(address.getHostAddress() + what + " outside appconnection.lan.allowed-ranges");
    }

    /** The allowed ranges that reach into a block the module never dials outside demo mode. */
    public List<String> specialRanges() {
        return allowed.stream()
                .filter(range -> SPECIAL.keySet().stream().anyMatch(range::overlaps))
                .map(IpRange::toString)
                .toList();
    }

    private static Verdict refused(String why) {
        return new Verdict(Optional.empty(), Optional.of("refused by policy: " + why));
    }

    private static Map<IpRange, String> special() {
        Map<IpRange, String> blocks = new LinkedHashMap<>();
        blocks.put(IpRange.parse("127.0.0.0/8"), "a loopback");
        blocks.put(IpRange.parse("::1/128"), "a loopback");
        blocks.put(IpRange.parse("169.254.0.0/16"), "a link-local");
        blocks.put(IpRange.parse("fe80::/10"), "a link-local");
        blocks.put(IpRange.parse("224.0.0.0/4"), "a multicast");
        blocks.put(IpRange.parse("ff00::/8"), "a multicast");
        blocks.put(IpRange.parse("0.0.0.0/8"), "an unspecified");
        blocks.put(IpRange.parse("::/128"), "an unspecified");
        blocks.put(IpRange.parse("255.255.255.255/32"), "the broadcast");
        return blocks;
    }

    @Override
    public String toString() {
        return "LanPolicy" + allowed;
    }
}
