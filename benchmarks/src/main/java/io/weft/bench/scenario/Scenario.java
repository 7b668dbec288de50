package io.weft.bench.scenario;

import java.util.List;

/**
 * A generated cloud as plain data, the same for every consumer: the server's pure core ({@link
 * ScenarioFleet}), the services over a real database, and OVN's northbound database. One tenant owns
 * everything, because a group's members must be its own account's NICs and the big group holds
 * every NIC.
 */
public record Scenario(
        ScenarioShape shape, long seed, List<Host> hosts, List<Network> networks, List<Group> groups, List<Nic> nics) {

    /** Index of the group every NIC is in. */
    public static final int BIG_GROUP = 0;
    /** Index of the group, on the first hosts' NICs, whose first rule admits the big group. */
    public static final int FRONT_GROUP = 1;

    public Scenario {
        hosts = List.copyOf(hosts);
        networks = List.copyOf(networks);
        groups = List.copyOf(groups);
        nics = List.copyOf(nics);
    }

    /** A hypervisor and its underlay (tunnel endpoint) address. */
    public record Host(int index, String name, String underlayIp) {}

    /** A VXLAN network: {@code cidr} is a /24, {@code vni} its segment. */
    public record Network(int index, String name, String cidr, String gateway, int vni) {}

    /** A security group and its rules, in order. */
    public record Group(int index, String name, List<Rule> rules) {
        public Group {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One rule. {@code protocol} is {@code tcp}, {@code udp}, {@code icmp} or {@code all}; for TCP
     * and UDP the ports are a range, for ICMP {@code fromPort} is the type and {@code toPort} the
     * code, for {@code all} both are -1. The remote side is {@code cidr} or, when {@code
     * remoteGroup} is not negative, that group's members.
     */
    public record Rule(boolean ingress, String protocol, int fromPort, int toPort, String cidr, int remoteGroup) {
        public boolean referencesGroup() {
            return remoteGroup >= 0;
        }
    }

    /** A VM's only NIC, on {@code host}, in {@code network}, in {@code groups} (first the big group). */
    public record Nic(int index, String vmName, int host, int network, String ip, String mac, List<Integer> groups) {
        public Nic {
            groups = List.copyOf(groups);
        }
    }

    public Host host(int index) {
        return hosts.get(index);
    }

    public Network network(int index) {
        return networks.get(index);
    }

    public Group group(int index) {
        return groups.get(index);
    }
}
