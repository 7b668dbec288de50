package io.weft.bench.system.ovn;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a scenario becomes in OVN's northbound database, as plain rows: the logical switches with
 * their ports, and the port groups with their members and ACLs. Produced by {@link
 * NorthboundTranslation}, written by {@link NorthboundTransaction}.
 */
public record NorthboundContent(List<LogicalSwitch> switches, List<PortGroup> portGroups) {

    public NorthboundContent {
        switches = List.copyOf(requireNonNull(switches, "switches is null"));
        portGroups = List.copyOf(requireNonNull(portGroups, "portGroups is null"));
    }

    public int portCount() {
        return switches.stream().mapToInt(s -> s.ports().size()).sum();
    }

    public int aclCount() {
        return portGroups.stream().mapToInt(g -> g.acls().size()).sum();
    }

    /** A network: one logical switch holding its NICs' ports. */
    public record LogicalSwitch(String name, List<SwitchPort> ports) {
        public LogicalSwitch {
            requireNonNull(name, "name is null");
            ports = List.copyOf(requireNonNull(ports, "ports is null"));
        }
    }

    /**
     * A NIC's logical port. Its one address is also its port security, so that the port can send
     * only from its own MAC and IP, as Neutron configures every VM port.
     */
    public record SwitchPort(String name, String mac, String ip) {
        public SwitchPort {
            requireNonNull(name, "name is null");
            requireNonNull(mac, "mac is null");
            requireNonNull(ip, "ip is null");
        }

        /** The {@code addresses} and {@code port_security} value: {@code "mac ip"}. */
        public String address() {
            return mac + " " + ip;
        }
    }

    /** A port group: member port names and the ACLs applied to them. */
    public record PortGroup(String name, List<String> ports, List<Acl> acls) {
        public PortGroup {
            requireNonNull(name, "name is null");
            ports = List.copyOf(requireNonNull(ports, "ports is null"));
            acls = List.copyOf(requireNonNull(acls, "acls is null"));
        }
    }

    /** One ACL row: {@code direction} is {@code to-lport} or {@code from-lport}. */
    public record Acl(String direction, int priority, String match, String action) {
        public Acl {
            requireNonNull(direction, "direction is null");
            requireNonNull(match, "match is null");
            requireNonNull(action, "action is null");
        }
    }
}
