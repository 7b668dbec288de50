package io.weft.server.network.ipam;

import io.weft.rules.model.MacAddress;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks NIC MAC addresses: locally administered unicast (first octet 0x02 plus 40 random bits),
 * so they never collide with vendor MACs; the caller's unique constraint catches the rare clash.
 */
public final class MacAddresses {
    private MacAddresses() {}

    public static MacAddress random(RandomGenerator random, Set<MacAddress> inUse) {
        for (int attempt = 0; attempt < 64; attempt++) {
            long bits = random.nextLong() & 0xFF_FFFF_FFFFL;
            MacAddress mac = MacAddress.parse(String.format(
                    "02:%02x:%02x:%02x:%02x:%02x",
                    (bits >>> 32) & 0xFF,
                    (bits >>> 24) & 0xFF,
                    (bits >>> 16) & 0xFF,
                    (bits >>> 8) & 0xFF,
                    bits & 0xFF));
            if (!inUse.contains(mac)) {
                return mac;
            }
        }
        throw new IllegalStateException("no free MAC address after 64 random picks");
    }

    /** Whether a caller-supplied MAC may be given to a NIC: unicast and not all zeros. */
    public static boolean isAssignable(MacAddress mac) {
        int firstOctet = Integer.parseInt(mac.toString().substring(0, 2), 16);
        return (firstOctet & 0x01) == 0 && !mac.toString().equals("00:00:00:00:00:00");
    }
}
