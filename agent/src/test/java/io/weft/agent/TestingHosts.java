package io.weft.agent;

import io.weft.agent.state.WireEntries;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteNic;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import io.weft.rules.state.HostDesiredState;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small host (two NICs on one VXLAN network, a group whose rule names another group) and updates for it. */
public final class TestingHosts {
    public static final String HOST = "host-1";

    private TestingHosts() {}

    /** The desired state with {@code dbMembers} in the referenced group. */
    public static HostDesiredState state(String... dbMembers) {
        return state(true, dbMembers);
    }

    public static HostDesiredState state(boolean withSecondNic, String... dbMembers) {
        SecurityGroup web = new SecurityGroup(
                "sg-web",
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(22),
                                RemoteSide.group("sg-db")),
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4)));
        List<LocalNic> nics = new ArrayList<>();
        nics.add(nic("nic-a", "02:00:00:00:00:0a", "10.0.0.10", "tapa"));
        if (withSecondNic) {
            nics.add(nic("nic-b", "02:00:00:00:00:0b", "10.0.0.11", "tapb"));
        }
        NetworkView network = new NetworkView(
                "net-1",
                new Segment(SegmentType.VXLAN, 5001),
                List.of(IpAddress.parse("192.0.2.2")),
                List.of(new RemoteNic(
                        MacAddress.parse("02:00:00:00:00:0c"),
                        List.of(IpAddress.parse("10.0.0.12")),
                        IpAddress.parse("192.0.2.2"))));
        List<IpAddress> members =
                java.util.Arrays.stream(dbMembers).map(IpAddress::parse).toList();
        return HostCompiler.compile(new io.weft.rules.model.HostModel(
                HOST,
                IpAddress.parse("192.0.2.1"),
                new BridgeSettings("br-int", "netdev", Optional.empty(), false),
                nics,
                List.of(network),
                List.of(web),
                Map.of("sg-db", members)));
    }

    private static LocalNic nic(String id, String mac, String ip, String tap) {
        return new LocalNic(
                id,
                "net-1",
                MacAddress.parse(mac),
                List.of(IpAddress.parse(ip)),
                List.of(),
                true,
                List.of("sg-web"),
                tap);
    }

    public static HostUpdate full(long generation, HostDesiredState state) {
        List<WireEntry> upserts =
                state.entries().values().stream().map(WireEntries::toWire).toList();
        return new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                HOST,
                new Generation(1, generation),
                Generation.NONE,
                UpdateKind.FULL,
                upserts,
                List.of(),
                state.hash());
    }

    public static HostUpdate delta(long base, HostDesiredState before, HostDesiredState after) {
        return delta(base, before, after, after.hash());
    }

    public static HostUpdate delta(long base, HostDesiredState before, HostDesiredState after, String hash) {
        List<WireEntry> upserts = new ArrayList<>();
        after.entries().forEach((key, entry) -> {
            if (!entry.equals(before.entries().get(key))) {
                upserts.add(WireEntries.toWire(entry));
            }
        });
        List<String> deletes = before.entries().keySet().stream()
                .filter(key -> !after.entries().containsKey(key))
                .toList();
        return new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                HOST,
                new Generation(1, base + 1),
                new Generation(1, base),
                UpdateKind.DELTA,
                upserts,
                deletes,
                hash);
    }
}
