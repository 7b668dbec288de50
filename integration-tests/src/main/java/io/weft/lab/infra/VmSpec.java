package io.weft.lab.infra;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One lab VM: its name, the name its tap gets on the hypervisor (what the agent will plug), its
 * MAC and addresses. The MTU defaults to 1400 so that a 1500-byte underlay carries the VXLAN or
 * GRE encapsulation without fragmentation.
 */
public record VmSpec(String name, String tapName, String mac, String ipv4Cidr, Optional<String> ipv6Cidr, int mtu) {

    public static final int OVERLAY_MTU = 1400;

    private static final Pattern MEMBER_NAME = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    public VmSpec {
        requireNonNull(name, "name is null");
        requireNonNull(tapName, "tapName is null");
        requireNonNull(mac, "mac is null");
        requireNonNull(ipv4Cidr, "ipv4Cidr is null");
        requireNonNull(ipv6Cidr, "ipv6Cidr is null");
        if (!MEMBER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("VM name must be 1-10 of [a-z0-9]: " + name);
        }
        // IFNAMSIZ is 16 including the terminating NUL.
        if (!INTERFACE_NAME.matcher(tapName).matches()) {
            throw new IllegalArgumentException("tap name must be 1-15 of [A-Za-z0-9_.-]: " + tapName);
        }
        if (!MAC.matcher(mac).matches()) {
            throw new IllegalArgumentException("MAC must be lower-case aa:bb:cc:dd:ee:ff: " + mac);
        }
        if (!ipv4Cidr.contains("/")) {
            throw new IllegalArgumentException("ipv4Cidr needs a prefix length: " + ipv4Cidr);
        }
        if (mtu < 576 || mtu > 9000) {
            throw new IllegalArgumentException("unreasonable MTU " + mtu);
        }
    }

    public static VmSpec of(String name, String tapName, String mac, String ipv4Cidr) {
        return new VmSpec(name, tapName, mac, ipv4Cidr, Optional.empty(), OVERLAY_MTU);
    }

    public VmSpec withIpv6(String cidr) {
        return new VmSpec(name, tapName, mac, ipv4Cidr, Optional.of(cidr), mtu);
    }

    public VmSpec withMtu(int newMtu) {
        return new VmSpec(name, tapName, mac, ipv4Cidr, ipv6Cidr, newMtu);
    }

    public String ipv4Address() {
        return ipv4Cidr.substring(0, ipv4Cidr.indexOf('/'));
    }

    public Optional<String> ipv6Address() {
        return ipv6Cidr.map(cidr -> cidr.substring(0, cidr.indexOf('/')));
    }
}
