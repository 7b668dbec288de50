package io.weft.bench.model;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import io.weft.server.dispatch.DispatchPlanner;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetGroup;
import io.weft.server.dispatch.FleetHost;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.FleetNetwork;
import io.weft.server.dispatch.FleetNic;
import io.weft.spec.host.HostUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A fleet loaded into the server's dispatch core, every host already sent its FULL state, and one
 * NIC whose membership of the big group can be flipped: each flip is one membership change that
 * the dispatcher must carry to every host referencing the group.
 *
 * <p>Groups: {@value #MEMBERS_GROUP} holds every NIC and allows web traffic from anywhere; {@value
 * #REFERENCING_GROUP}, on the NICs of the first hosts, admits TCP 8080 from {@value #MEMBERS_GROUP}'s
 * members, so those hosts hold its members in an ipset.
 */
public final class MembershipFleet {
    public static final String MEMBERS_GROUP = "sg-members";
    public static final String REFERENCING_GROUP = "sg-referencing";
    private static final long EPOCH = 1;

    private final FleetShape shape;
    private final DispatchPlanner planner;
    private final List<HostUpdate> initialUpdates;
    private final FleetNic flippingNic;
    private boolean flippingNicIsMember = true;

    private MembershipFleet(
            FleetShape shape, DispatchPlanner planner, List<HostUpdate> initialUpdates, FleetNic flippingNic) {
        this.shape = shape;
        this.planner = planner;
        this.initialUpdates = List.copyOf(initialUpdates);
        this.flippingNic = flippingNic;
    }

    /** Builds the fleet and sends every host its FULL state; costs one compile per host. */
    public static MembershipFleet load(FleetShape shape) {
        requireNonNull(shape, "shape is null");
        DispatchPlanner planner = new DispatchPlanner(EPOCH, new FleetModel());
        List<HostUpdate> fulls = planner.apply(changes(shape));
        // The last host never references the group, so its NIC's membership reaches the others only as data.
        FleetNic flipping = nic(shape, shape.hosts() - 1, 0, List.of(MEMBERS_GROUP));
        return new MembershipFleet(shape, planner, fulls, flipping);
    }

    private static List<FleetChange> changes(FleetShape shape) {
        List<FleetChange> changes = new ArrayList<>();
        for (int h = 0; h < shape.hosts(); h++) {
            changes.add(new FleetChange.PutHost(
                    new FleetHost(hostId(h), ipv4(100, 64, h / 250, h % 250 + 1), BridgeSettings.defaults())));
        }
        int networks = (shape.hosts() + shape.hostsPerNetwork() - 1) / shape.hostsPerNetwork();
        for (int n = 0; n < networks; n++) {
            changes.add(new FleetChange.PutNetwork(
                    new FleetNetwork(networkId(n), new Segment(SegmentType.VXLAN, 5000 + n))));
        }
        changes.add(new FleetChange.PutGroup(membersGroup(), false));
        changes.add(new FleetChange.PutGroup(referencingGroup(), false));
        for (int h = 0; h < shape.hosts(); h++) {
            for (int j = 0; j < shape.nicsPerHost(); j++) {
                List<String> groups = h < shape.referencingHosts()
                        ? List.of(MEMBERS_GROUP, REFERENCING_GROUP)
                        : List.of(MEMBERS_GROUP);
                changes.add(new FleetChange.PutNic(nic(shape, h, j, groups)));
            }
        }
        return changes;
    }

    /**
     * Builds the fleet as the dispatcher does at start: every change applied to the model first,
     * then one FULL per host, planned in host order and handed to {@code sent} as soon as it is
     * planned, so that nothing but the planner's own sent states outlives the load. For memory
     * figures; {@link #initialUpdates()} is empty on a fleet loaded this way.
     */
    public static MembershipFleet loadStreaming(FleetShape shape, Consumer<HostUpdate> sent) {
        requireNonNull(shape, "shape is null");
        requireNonNull(sent, "sent is null");
        FleetModel model = FleetModel.of(changes(shape));
        DispatchPlanner planner = new DispatchPlanner(EPOCH, model);
        for (String hostId : model.hostIds()) {
            planner.full(hostId).ifPresent(sent);
        }
        FleetNic flipping = nic(shape, shape.hosts() - 1, 0, List.of(MEMBERS_GROUP));
        return new MembershipFleet(shape, planner, List.of(), flipping);
    }

    public FleetShape shape() {
        return shape;
    }

    public DispatchPlanner planner() {
        return planner;
    }

    /** The FULL updates the load sent, one per host. */
    public List<HostUpdate> initialUpdates() {
        return initialUpdates;
    }

    /** The host of the NIC that joins and leaves the group. */
    public String flippingHostId() {
        return flippingNic.hostId().orElseThrow();
    }

    /** The address that joins and leaves the referencing hosts' ipset. */
    public IpAddress flippingAddress() {
        return flippingNic.ips().get(0);
    }

    /**
     * The next membership change: the NIC leaves the group if it is a member, joins it otherwise.
     * Alternating keeps the fleet the same size however many times a benchmark runs it.
     */
    public FleetChange nextMembershipChange() {
        flippingNicIsMember = !flippingNicIsMember;
        return new FleetChange.PutNic(flippingNicIsMember ? flippingNic : flippingNic.withGroups(List.of()));
    }

    private static FleetGroup membersGroup() {
        return new FleetGroup(
                MEMBERS_GROUP,
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                PortRange.single(443),
                                RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4)));
    }

    private static FleetGroup referencingGroup() {
        return new FleetGroup(
                REFERENCING_GROUP,
                EgressDefault.EXPLICIT_RULES_ONLY,
                List.of(SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(8080),
                        RemoteSide.group(MEMBERS_GROUP))));
    }

    private static FleetNic nic(FleetShape shape, int host, int index, List<String> groups) {
        return new FleetNic(
                "nic-%05d-%03d".formatted(host, index),
                networkId(host / shape.hostsPerNetwork()),
                Optional.of(hostId(host)),
                MacAddress.parse("fa:16:3e:%02x:%02x:%02x".formatted(host >> 8, host & 0xff, index)),
                List.of(ipv4(10, host / 250, host % 250, index + 1)),
                List.of(),
                true,
                groups,
                "tap%03d".formatted(index));
    }

    private static String hostId(int index) {
        return "host-%05d".formatted(index);
    }

    private static String networkId(int index) {
        return "net-%05d".formatted(index);
    }

    private static IpAddress ipv4(int a, int b, int c, int d) {
        return IpAddress.parse(a + "." + b + "." + c + "." + d);
    }
}
