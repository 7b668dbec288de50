package io.weft.bench.scenario;

import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetGroup;
import io.weft.server.dispatch.FleetHost;
import io.weft.server.dispatch.FleetNetwork;
import io.weft.server.dispatch.FleetNic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Scenario} as the dispatcher's fleet changes, for measuring the pure core without a
 * database. Ids are the scenario's names, so a figure can be matched with the same object in OVN.
 */
public final class ScenarioFleet {
    private ScenarioFleet() {}

    /** Hosts, networks, groups, then NICs: the order the dispatcher loads a fleet in. */
    public static List<FleetChange> changes(Scenario scenario) {
        List<FleetChange> changes = new ArrayList<>(scenario.hosts().size()
                + scenario.networks().size()
                + scenario.groups().size()
                + scenario.nics().size());
        for (Scenario.Host host : scenario.hosts()) {
            changes.add(new FleetChange.PutHost(host(host)));
        }
        for (Scenario.Network network : scenario.networks()) {
            changes.add(new FleetChange.PutNetwork(
                    new FleetNetwork(network.name(), new Segment(SegmentType.VXLAN, network.vni()))));
        }
        for (Scenario.Group group : scenario.groups()) {
            changes.add(new FleetChange.PutGroup(group(scenario, group), false));
        }
        for (Scenario.Nic nic : scenario.nics()) {
            changes.add(new FleetChange.PutNic(nic(scenario, nic)));
        }
        return changes;
    }

    public static FleetHost host(Scenario.Host host) {
        return new FleetHost(host.name(), IpAddress.parse(host.underlayIp()), BridgeSettings.defaults());
    }

    public static FleetGroup group(Scenario scenario, Scenario.Group group) {
        List<SecurityGroupRule> rules = new ArrayList<>(group.rules().size());
        for (Scenario.Rule rule : group.rules()) {
            rules.add(rule(scenario, rule));
        }
        return new FleetGroup(group.name(), EgressDefault.EXPLICIT_RULES_ONLY, rules);
    }

    public static SecurityGroupRule rule(Scenario scenario, Scenario.Rule rule) {
        Direction direction = rule.ingress() ? Direction.INGRESS : Direction.EGRESS;
        RemoteSide remote = rule.referencesGroup()
                ? RemoteSide.group(scenario.group(rule.remoteGroup()).name())
                : RemoteSide.cidr(rule.cidr());
        return switch (rule.protocol()) {
            case "icmp" -> SecurityGroupRule.icmp(
                    direction, IpFamily.IPV4, new IcmpMatch(rule.fromPort(), rule.toPort()), remote);
            case "all" -> SecurityGroupRule.of(direction, IpFamily.IPV4, Protocol.ALL, remote);
            default -> SecurityGroupRule.ports(
                    direction,
                    IpFamily.IPV4,
                    Protocol.parse(rule.protocol()),
                    new PortRange(rule.fromPort(), rule.toPort()),
                    remote);
        };
    }

    public static FleetNic nic(Scenario scenario, Scenario.Nic nic) {
        List<String> groups =
                nic.groups().stream().map(index -> scenario.group(index).name()).toList();
        return new FleetNic(
                "nic-" + nic.vmName(),
                scenario.network(nic.network()).name(),
                Optional.of(scenario.host(nic.host()).name()),
                MacAddress.parse(nic.mac()),
                List.of(IpAddress.parse(nic.ip())),
                List.of(),
                true,
                groups,
                "tap%06d".formatted(nic.index()));
    }
}
