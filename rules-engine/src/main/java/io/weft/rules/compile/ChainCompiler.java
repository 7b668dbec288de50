package io.weft.rules.compile;

import io.weft.rules.model.Direction;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.state.ChainEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The iptables chains of one family. The host's FORWARD jumps once to {@code weft-FORWARD}, which
 * sends each NIC's bridged traffic, recognised by its tap device through physdev, to the NIC's
 * ingress (towards the VM) or egress (from the VM) chain. Egress first checks the source
 * (anti-spoofing), then lets the VM's own DHCP/neighbour discovery out, then conntrack, then the
 * union of the NIC's group rules; anything else is dropped.
 */
final class ChainCompiler {
    private static final String ESTABLISHED = "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT";
    private static final String INVALID = "-m conntrack --ctstate INVALID -j DROP";
    private static final String DROP = "-j DROP";

    private final IpFamily family;

    ChainCompiler(IpFamily family) {
        this.family = family;
    }

    ChainEntry topChain(Collection<LocalNic> nicsSortedById) {
        List<String> rules = new ArrayList<>(nicsSortedById.size() * 2);
        for (LocalNic nic : nicsSortedById) {
            String toVm = nic.portSecurityEnabled() ? WeftNames.ingressChain(nic.nicId()) : "ACCEPT";
            String fromVm = nic.portSecurityEnabled() ? WeftNames.egressChain(nic.nicId()) : "ACCEPT";
            rules.add("-m physdev --physdev-out " + nic.tapDevice() + " --physdev-is-bridged -j " + toVm);
            rules.add("-m physdev --physdev-in " + nic.tapDevice() + " --physdev-is-bridged -j " + fromVm);
        }
        return chain(WeftNames.TOP_CHAIN, rules);
    }

    /** The NIC's ingress, egress and anti-spoofing chains; none when port security is off. */
    List<ChainEntry> nicChains(LocalNic nic, Collection<SecurityGroupRule> effectiveRules, RuleSpecCache specs) {
        if (!nic.portSecurityEnabled()) {
            return List.of();
        }
        SortedSet<String> ingressAccepts = new TreeSet<>();
        SortedSet<String> egressAccepts = new TreeSet<>();
        for (SecurityGroupRule rule : effectiveRules) {
            if (rule.etherType() == family) {
                (rule.direction() == Direction.INGRESS ? ingressAccepts : egressAccepts).add(specs.accept(rule));
            }
        }
        return List.of(ingress(nic, ingressAccepts), egress(nic, egressAccepts), spoof(nic));
    }

    private ChainEntry ingress(LocalNic nic, SortedSet<String> accepts) {
        List<String> rules = new ArrayList<>(accepts.size() + 8);
        rules.add(ESTABLISHED);
        rules.add(INVALID);
        if (family == IpFamily.IPV4) {
            // DHCP answers are often broadcast, so conntrack does not see them as replies.
            rules.add("-p udp -m udp --sport 67 --dport 68 -j ACCEPT");
        } else {
            // Router advertisements, neighbour solicitation/advertisement and MLD queries keep IPv6 working.
            for (int type : new int[] {130, 134, 135, 136}) {
                rules.add("-p ipv6-icmp -m icmp6 --icmpv6-type " + type + " -j ACCEPT");
            }
            rules.add("-p udp -m udp --sport 547 --dport 546 -j ACCEPT");
        }
        rules.addAll(accepts);
        rules.add(DROP);
        return chain(WeftNames.ingressChain(nic.nicId()), rules);
    }

    private ChainEntry egress(LocalNic nic, SortedSet<String> accepts) {
        List<String> rules = new ArrayList<>(accepts.size() + 12);
        rules.add("-j " + WeftNames.spoofChain(nic.nicId()));
        if (family == IpFamily.IPV4) {
            rules.add("-p udp -m udp --sport 68 --dport 67 -j ACCEPT");
            // A VM must not answer other VMs' DHCP discovers.
            rules.add("-p udp -m udp --sport 67 --dport 68 -j DROP");
        } else {
            // A VM must not act as a router; it must be able to solicit one and do neighbour discovery.
            rules.add("-p ipv6-icmp -m icmp6 --icmpv6-type 134 -j DROP");
            for (int type : new int[] {133, 135, 136, 143}) {
                rules.add("-p ipv6-icmp -m icmp6 --icmpv6-type " + type + " -j ACCEPT");
            }
            rules.add("-p udp -m udp --sport 546 --dport 547 -j ACCEPT");
            rules.add("-p udp -m udp --sport 547 --dport 546 -j DROP");
        }
        rules.add(ESTABLISHED);
        rules.add(INVALID);
        rules.addAll(accepts);
        rules.add(DROP);
        return chain(WeftNames.egressChain(nic.nicId()), rules);
    }

    /**
     * Sources the VM may use ({@link AllowedSources}), plus what a booting VM sends before it has
     * an address: DHCP discover from 0.0.0.0; IPv6 duplicate address detection and MLD reports from
     * ::. ARP is not IP, so it is checked in OVS instead.
     */
    private ChainEntry spoof(LocalNic nic) {
        List<String> rules = new ArrayList<>();
        String ownMac = "-m mac --mac-source " + nic.mac() + " -j RETURN";
        if (family == IpFamily.IPV4) {
            rules.add("-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 " + ownMac);
        } else {
            rules.add("-s ::/128 -p ipv6-icmp -m icmp6 --icmpv6-type 135 " + ownMac);
            rules.add("-s ::/128 -p ipv6-icmp -m icmp6 --icmpv6-type 143 " + ownMac);
        }
        for (AllowedSources.Source source : AllowedSources.of(nic, family)) {
            rules.add("-s " + source.cidr() + " -m mac --mac-source " + source.mac() + " -j RETURN");
        }
        rules.add(DROP);
        return chain(WeftNames.spoofChain(nic.nicId()), rules);
    }

    private ChainEntry chain(String name, List<String> rules) {
        return new ChainEntry(family.token(), name, rules);
    }
}
