package io.weft.server.topology;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.WeftException;

/**
 * A pod's management addressing: gateway and netmask of its subnet and the range handed to hosts.
 * Checked on construction: valid IPv4, contiguous mask, everything in the gateway's subnet, the range
 * ordered and not containing the gateway.
 */
public record PodAddressing(String gateway, String netmask, String startIp, String endIp) {
    public PodAddressing {
        requireNonNull(gateway, "gateway is null");
        requireNonNull(netmask, "netmask is null");
        requireNonNull(startIp, "startIp is null");
        requireNonNull(endIp, "endIp is null");
        for (String[] field : new String[][] {{"gateway", gateway}, {"startip", startIp}, {"endip", endIp}}) {
            if (!IpAddresses.isIpv4(field[1])) {
                throw WeftException.invalid(field[0] + " " + field[1] + " is not an IPv4 address");
            }
        }
        int prefix = IpAddresses.netmaskPrefix(netmask);
        if (prefix < 1 || prefix > 30) {
            throw WeftException.invalid("netmask " + netmask + " is not a contiguous mask from /1 to /30");
        }
        long mask = (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        long subnet = IpAddresses.ipv4ToLong(gateway) & mask;
        long start = IpAddresses.ipv4ToLong(startIp);
        long end = IpAddresses.ipv4ToLong(endIp);
        if ((start & mask) != subnet || (end & mask) != subnet) {
            throw WeftException.invalid("startip and endip must be in the gateway's subnet " + gateway + "/" + prefix);
        }
        if (start > end) {
            throw WeftException.invalid("startip " + startIp + " is after endip " + endIp);
        }
        long gatewayValue = IpAddresses.ipv4ToLong(gateway);
        if (gatewayValue >= start && gatewayValue <= end) {
            throw WeftException.invalid(
                    "the gateway " + gateway + " may not lie in the range " + startIp + "-" + endIp);
        }
    }
}
