package io.weft.bench.scenario;

import io.weft.rules.model.Direction;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetGroup;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.FleetNic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four kinds of everyday change measured on a loaded {@link Scenario}, each with its undoing so
 * that the fleet ends as it was loaded and the pair can be repeated: a membership change, a rule
 * change, a NIC plug and a NIC migration.
 */
public final class ScenarioChanges {
    private ScenarioChanges() {}

    /** A change and the change that undoes it. */
    public record Undoable(String name, FleetChange forward, String undoName, FleetChange undo) {}

    /**
     * For a fleet loaded from {@code scenario}: the last NIC (not on a front host, so only its own
     * host's chains and the big set change) leaves and rejoins the big group; an ordinary group gains
     * and loses a rule; a new NIC in the big group is plugged on a host in the middle and unplugged;
     * a NIC moves to the next host of its network and back.
     */
    public static List<Undoable> of(Scenario scenario, FleetModel fleet) {
        String big = scenario.group(Scenario.BIG_GROUP).name();
        return List.of(
                membership(scenario, fleet, big),
                rule(scenario, fleet),
                plug(scenario, fleet, big),
                migration(scenario, fleet));
    }

    private static Undoable membership(Scenario scenario, FleetModel fleet, String big) {
        FleetNic nic =
                loaded(scenario, fleet, scenario.nics().get(scenario.nics().size() - 1));
        List<String> withoutBig =
                nic.securityGroupIds().stream().filter(g -> !g.equals(big)).toList();
        return new Undoable(
                "membership: a NIC leaves the big group",
                new FleetChange.PutNic(nic.withGroups(withoutBig), true),
                "membership: the NIC joins the big group",
                new FleetChange.PutNic(nic, false));
    }

    private static Undoable rule(Scenario scenario, FleetModel fleet) {
        FleetGroup group =
                fleet.group(scenario.group(scenario.groups().size() / 2).name()).orElseThrow();
        List<SecurityGroupRule> more = new ArrayList<>(group.rules());
        more.add(SecurityGroupRule.ports(
                Direction.INGRESS,
                IpFamily.IPV4,
                Protocol.TCP,
                new PortRange(7777, 7777),
                RemoteSide.cidr("198.51.100.0/24")));
        return new Undoable(
                "rule: one added to an ordinary group",
                new FleetChange.PutGroup(new FleetGroup(group.groupId(), group.egressDefault(), more), false),
                "rule: the same removed",
                new FleetChange.PutGroup(group, true));
    }

    /** On the first NIC's network of a host in the middle, at .250 (the plan uses .2 to .251 at most). */
    private static Undoable plug(Scenario scenario, FleetModel fleet, String big) {
        Scenario.Nic sibling = firstNicOf(scenario, scenario.hosts().size() / 2 + 3);
        FleetNic template = loaded(scenario, fleet, sibling);
        String prefix = sibling.ip().substring(0, sibling.ip().lastIndexOf('.') + 1);
        FleetNic plugged = new FleetNic(
                "nic-plugged",
                template.networkId(),
                template.hostId(),
                MacAddress.parse("02:ff:00:00:00:01"),
                List.of(IpAddress.parse(prefix + "250")),
                List.of(),
                true,
                List.of(big, scenario.group(scenario.groups().size() / 3).name()),
                "tapplugged");
        return new Undoable(
                "NIC plug: a new NIC on a host",
                new FleetChange.PutNic(plugged, false),
                "NIC unplug: the same removed",
                new FleetChange.RemoveNic(plugged.nicId()));
    }

    private static Undoable migration(Scenario scenario, FleetModel fleet) {
        Scenario.Nic moving = firstNicOf(scenario, scenario.hosts().size() / 2 + 3);
        FleetNic loaded = loaded(scenario, fleet, moving);
        int perNetwork = scenario.shape().hostsPerNetwork();
        int from = moving.host();
        int to = from % perNetwork == perNetwork - 1 ? from - 1 : from + 1;
        return new Undoable(
                "NIC migration: to another host of its network",
                new FleetChange.PutNic(
                        loaded.boundTo(Optional.of(scenario.host(to).name())), false),
                "NIC migration: back",
                new FleetChange.PutNic(loaded, false));
    }

    private static Scenario.Nic firstNicOf(Scenario scenario, int host) {
        return scenario.nics().get(host * scenario.shape().nicsPerHost());
    }

    private static FleetNic loaded(Scenario scenario, FleetModel fleet, Scenario.Nic nic) {
        return fleet.nic(ScenarioFleet.nic(scenario, nic).nicId()).orElseThrow();
    }
}
