package io.weft.rules.compile;

import io.weft.rules.model.AllowedAddressPair;
import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The sources a NIC with port security may send from, per family: its own IPs with its MAC, its
 * allowed address pairs (with their MAC, else the NIC's), and for IPv6 the link-local address a
 * VM derives from its MAC. Shared by the iptables anti-spoofing chain and the OpenFlow ARP and
 * neighbour-advertisement checks, so both enforce the same list.
 */
final class AllowedSources {
    /** A source CIDR with the MAC it must be sent from; ordered for stable output. */
    record Source(Cidr cidr, MacAddress mac) implements Comparable<Source> {
        @Override
        public int compareTo(Source other) {
            int byCidr = cidr.compareTo(other.cidr);
            return byCidr != 0 ? byCidr : mac.compareTo(other.mac);
        }
    }

    private AllowedSources() {}

    static SortedSet<Source> of(LocalNic nic, IpFamily family) {
        SortedSet<Source> sources = new TreeSet<>();
        for (IpAddress ip : nic.ips()) {
            if (ip.family() == family) {
                sources.add(new Source(Cidr.host(ip), nic.mac()));
            }
        }
        if (family == IpFamily.IPV6) {
            sources.add(new Source(Cidr.host(nic.mac().eui64LinkLocal()), nic.mac()));
        }
        for (AllowedAddressPair pair : nic.allowedAddressPairs()) {
            if (pair.address().family() == family) {
                sources.add(new Source(pair.address(), pair.mac().orElse(nic.mac())));
            }
        }
        return sources;
    }
}
