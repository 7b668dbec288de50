package io.weft.bench.system.ovn;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.system.ovn.NorthboundContent.Acl;
import io.weft.bench.system.ovn.NorthboundContent.LogicalSwitch;
import io.weft.bench.system.ovn.NorthboundContent.PortGroup;
import io.weft.bench.system.ovn.NorthboundContent.SwitchPort;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scenario} in the shape Neutron's OVN driver gives a cloud: a logical switch per network,
 * a port per NIC, a port group per security group with one {@code allow-related} ACL per rule, and
 * one drop group holding every port whose two drop ACLs sit just below the rules. A rule that
 * admits another group matches that group's address set, which northd keeps for every port group
 * as {@code $<group>_ip4}; so the membership change Weft measures is, in OVN, one write to a port
 * group's {@code ports} and a recompute of that address set.
 */
public final class NorthboundTranslation {

    /** Neutron's priorities: rules at 1002 win over the default drop at 1001. */
    static final int RULE_PRIORITY = 1002;

    static final int DROP_PRIORITY = 1001;

    /**
     * Neutron's {@code neutron_pg_drop}: one group holding every port, so the default drop is two
     * ACLs for the whole cloud rather than two per security group.
     */
    static final String DROP_GROUP = "pg_default_drop";

    private NorthboundTranslation() {}

    public static NorthboundContent of(Scenario scenario) {
        List<List<SwitchPort>> portsByNetwork = new ArrayList<>();
        scenario.networks().forEach(network -> portsByNetwork.add(new ArrayList<>()));
        List<List<String>> membersByGroup = new ArrayList<>();
        scenario.groups().forEach(group -> membersByGroup.add(new ArrayList<>()));
        List<String> everyPort = new ArrayList<>(scenario.nics().size());
        for (Scenario.Nic nic : scenario.nics()) {
            String port = portName(nic);
            portsByNetwork.get(nic.network()).add(new SwitchPort(port, nic.mac(), nic.ip()));
            nic.groups().forEach(group -> membersByGroup.get(group).add(port));
            everyPort.add(port);
        }
        List<LogicalSwitch> switches = new ArrayList<>(scenario.networks().size());
        for (Scenario.Network network : scenario.networks()) {
            switches.add(new LogicalSwitch(network.name(), portsByNetwork.get(network.index())));
        }
        List<PortGroup> groups = new ArrayList<>(scenario.groups().size() + 1);
        for (Scenario.Group group : scenario.groups()) {
            groups.add(new PortGroup(portGroupName(group), membersByGroup.get(group.index()), acls(scenario, group)));
        }
        groups.add(new PortGroup(
                DROP_GROUP,
                everyPort,
                List.of(
                        new Acl("to-lport", DROP_PRIORITY, "outport == @" + DROP_GROUP + " && ip", "drop"),
                        new Acl("from-lport", DROP_PRIORITY, "inport == @" + DROP_GROUP + " && ip", "drop"))));
        return new NorthboundContent(switches, groups);
    }

    /** The logical port, and the {@code iface-id} a hypervisor gives the NIC's interface. */
    public static String portName(Scenario.Nic nic) {
        return "nic-" + nic.vmName();
    }

    /** OVN names must be identifiers in a match ({@code @pg}, {@code $pg_ip4}): no dashes. */
    public static String portGroupName(Scenario.Group group) {
        return "pg_" + group.name().replace('-', '_');
    }

    /** The address set northd derives from a port group's members' IPv4 addresses. */
    public static String addressSetName(Scenario.Group group) {
        return portGroupName(group) + "_ip4";
    }

    private static List<Acl> acls(Scenario scenario, Scenario.Group group) {
        String portGroup = portGroupName(group);
        List<Acl> acls = new ArrayList<>(group.rules().size());
        for (Scenario.Rule rule : group.rules()) {
            // Ingress filters what reaches the group's ports (to-lport, on outport); egress what
            // they send (from-lport, on inport); the remote side is the packet's other end.
            String direction = rule.ingress() ? "to-lport" : "from-lport";
            String port = rule.ingress() ? "outport" : "inport";
            String remoteField = rule.ingress() ? "ip4.src" : "ip4.dst";
            StringBuilder match =
                    new StringBuilder(port).append(" == @").append(portGroup).append(" && ip4");
            if (rule.referencesGroup()) {
                match.append(" && ")
                        .append(remoteField)
                        .append(" == $")
                        .append(addressSetName(scenario.group(rule.remoteGroup())));
            } else if (!"0.0.0.0/0".equals(rule.cidr())) {
                match.append(" && ").append(remoteField).append(" == ").append(rule.cidr());
            }
            match.append(protocolMatch(rule));
            acls.add(new Acl(direction, RULE_PRIORITY, match.toString(), "allow-related"));
        }
        return acls;
    }

    private static String protocolMatch(Scenario.Rule rule) {
        return switch (rule.protocol()) {
            case "all" -> "";
            case "icmp" -> " && icmp4"
                    + (rule.fromPort() < 0 ? "" : " && icmp4.type == " + rule.fromPort())
                    + (rule.toPort() < 0 ? "" : " && icmp4.code == " + rule.toPort());
            case "tcp", "udp" -> {
                String field = rule.protocol() + ".dst";
                yield " && " + rule.protocol()
                        + (rule.fromPort() == rule.toPort()
                                ? " && " + field + " == " + rule.fromPort()
                                : " && " + field + " >= " + rule.fromPort() + " && " + field + " <= " + rule.toPort());
            }
            default -> throw new IllegalArgumentException("unknown protocol " + rule.protocol());
        };
    }
}
