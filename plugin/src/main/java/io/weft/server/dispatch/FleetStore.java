package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.AllowedAddressPair;
import io.weft.rules.model.Cidr;
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
import io.weft.server.compute.AllowedAddressPairEntity;
import io.weft.server.compute.Nic;
import io.weft.server.compute.NicSecurityGroup;
import io.weft.server.compute.SecondaryAddressEntity;
import io.weft.server.compute.TapNames;
import io.weft.server.compute.VmState;
import io.weft.server.network.Network;
import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.EtherType;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.SecurityGroupEntity;
import io.weft.server.securitygroup.SecurityGroupRuleEntity;
import io.weft.server.topology.Host;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Reads the fleet from the database: everything at start or takeover, and the current version of
 * the entities a change record names afterwards. An entity that is gone becomes a removal.
 */
public final class FleetStore {
    private final DispatchSettings settings;

    public FleetStore(DispatchSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Every host, network, group and NIC, as puts in an order that builds a consistent fleet. */
    public List<FleetChange> loadAll(Session session) {
        List<FleetChange> changes = new ArrayList<>();
        for (Host host : session.createQuery("from Host", Host.class).list()) {
            changes.add(new FleetChange.PutHost(toFleet(host)));
        }
        for (Network network : session.createQuery("from Network where segmentId is not null", Network.class)
                .list()) {
            changes.add(new FleetChange.PutNetwork(toFleet(network)));
        }
        for (SecurityGroupEntity group : session.createQuery("from SecurityGroup", SecurityGroupEntity.class)
                .list()) {
            changes.add(new FleetChange.PutGroup(toFleet(session, group), false));
        }
        List<Nic> nics = session.createQuery(
                        "select n from Nic n join fetch n.network left join fetch n.host", Nic.class)
                .list();
        Map<UUID, List<String>> groupsByNic = groupsOf(session, nics);
        for (Nic nic : nics) {
            changes.add(new FleetChange.PutNic(toFleet(session, nic, groupsByNic)));
        }
        return changes;
    }

    public List<FleetChange> hosts(Session session, Collection<UUID> ids) {
        List<FleetChange> changes = new ArrayList<>();
        for (UUID id : ids) {
            changes.add(byUuid(session, Host.class, id)
                    .<FleetChange>map(host -> new FleetChange.PutHost(toFleet(host)))
                    .orElse(new FleetChange.RemoveHost(id.toString())));
        }
        return changes;
    }

    public List<FleetChange> networks(Session session, Collection<UUID> ids) {
        List<FleetChange> changes = new ArrayList<>();
        for (UUID id : ids) {
            Optional<Network> network = byUuid(session, Network.class, id).filter(n -> n.getSegmentId() != null);
            changes.add(network.<FleetChange>map(n -> new FleetChange.PutNetwork(toFleet(n)))
                    .orElse(new FleetChange.RemoveNetwork(id.toString())));
        }
        return changes;
    }

    public List<FleetChange> groups(Session session, Collection<UUID> ids, boolean tightens) {
        List<FleetChange> changes = new ArrayList<>();
        for (UUID id : ids) {
            changes.add(byUuid(session, SecurityGroupEntity.class, id)
                    .<FleetChange>map(group -> new FleetChange.PutGroup(toFleet(session, group), tightens))
                    .orElse(new FleetChange.RemoveGroup(id.toString())));
        }
        return changes;
    }

    public List<FleetChange> nics(Session session, Collection<UUID> ids, boolean tightens) {
        List<Nic> found = new ArrayList<>();
        List<FleetChange> changes = new ArrayList<>();
        for (UUID id : ids) {
            Optional<Nic> nic = byUuid(session, Nic.class, id);
            if (nic.isPresent()) {
                found.add(nic.get());
            } else {
                changes.add(new FleetChange.RemoveNic(id.toString()));
            }
        }
        Map<UUID, List<String>> groupsByNic = groupsOf(session, found);
        for (Nic nic : found) {
            FleetNic fleetNic = toFleet(session, nic, groupsByNic);
            changes.add(new FleetChange.PutNic(fleetNic, tightens));
        }
        return changes;
    }

    private FleetHost toFleet(Host host) {
        return new FleetHost(host.getUuid().toString(), IpAddress.parse(host.getTunnelAddress()), settings.bridge());
    }

    private static FleetNetwork toFleet(Network network) {
        SegmentType type =
                switch (network.getIsolationType()) {
                    case VXLAN -> SegmentType.VXLAN;
                    case GRE -> SegmentType.GRE;
                    case VLAN -> SegmentType.VLAN;
                };
        return new FleetNetwork(network.getUuid().toString(), new Segment(type, network.getSegmentId()));
    }

    private static FleetGroup toFleet(Session session, SecurityGroupEntity group) {
        List<SecurityGroupRuleEntity> rows = session.createQuery(
                        "select r from SecurityGroupRule r left join fetch r.remoteGroup"
                                + " where r.securityGroup = :group order by r.id",
                        SecurityGroupRuleEntity.class)
                .setParameter("group", group)
                .list();
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (SecurityGroupRuleEntity row : rows) {
            SecurityGroupRule rule = toModel(row);
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
        EgressDefault egress = group.getEgressPolicy() == EgressPolicy.CLOUDSTACK
                ? EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE
                : EgressDefault.EXPLICIT_RULES_ONLY;
        return new FleetGroup(group.getUuid().toString(), egress, rules);
    }

    static SecurityGroupRule toModel(SecurityGroupRuleEntity row) {
        Direction direction = row.getDirection() == RuleDirection.INGRESS ? Direction.INGRESS : Direction.EGRESS;
        IpFamily family = row.getEtherType() == EtherType.IPV4 ? IpFamily.IPV4 : IpFamily.IPV6;
        Protocol protocol = Protocol.parse(row.getProtocol());
        Optional<PortRange> ports = row.getStartPort() == null
                ? Optional.empty()
                : Optional.of(new PortRange(row.getStartPort(), row.getEndPort()));
        Optional<IcmpMatch> icmp = row.getIcmpType() == null
                ? Optional.empty()
                : Optional.of(new IcmpMatch(
                        row.getIcmpType(), row.getIcmpCode() == null ? IcmpMatch.ANY : row.getIcmpCode()));
        RemoteSide remote = row.getRemoteGroup() != null
                ? RemoteSide.group(row.getRemoteGroup().getUuid().toString())
                : new RemoteSide.RemoteCidr(Cidr.parse(row.getRemoteCidr()));
        return new SecurityGroupRule(direction, family, protocol, ports, icmp, remote);
    }

    private static FleetNic toFleet(Session session, Nic nic, Map<UUID, List<String>> groupsByNic) {
        List<IpAddress> ips = new ArrayList<>();
        Optional.ofNullable(nic.getIpv4Address()).map(IpAddress::parse).ifPresent(ips::add);
        Optional.ofNullable(nic.getIpv6Address()).map(IpAddress::parse).ifPresent(ips::add);
        // Secondary private addresses are addresses of the NIC like its primary one: anti-spoofing
        // lets them out and the NIC's groups hold them as members.
        session.createQuery("from NicSecondaryAddress s where s.nic = :nic order by s.id", SecondaryAddressEntity.class)
                .setParameter("nic", nic)
                .list()
                .forEach(secondary -> ips.add(IpAddress.parse(secondary.getIpAddress())));
        List<AllowedAddressPair> pairs = session
                .createQuery(
                        "from AllowedAddressPair p where p.nic = :nic order by p.id", AllowedAddressPairEntity.class)
                .setParameter("nic", nic)
                .list()
                .stream()
                .map(p -> new AllowedAddressPair(
                        Cidr.parse(p.getIpAddress()),
                        Optional.ofNullable(p.getMacAddress()).map(MacAddress::parse)))
                .toList();
        // A stopped VM's NICs are withdrawn: no port anywhere, and no member of any group, so their
        // addresses leave the other hosts' sets until the VM starts again.
        boolean withdrawn = nic.getVm() != null && nic.getVm().getState() == VmState.STOPPED;
        List<String> groups = nic.isPortSecurityEnabled() && !withdrawn
                ? groupsByNic.getOrDefault(nic.getUuid(), List.of())
                : List.of();
        return new FleetNic(
                nic.getUuid().toString(),
                nic.getNetwork().getUuid().toString(),
                Optional.ofNullable(nic.getHost()).map(h -> h.getUuid().toString()),
                MacAddress.parse(nic.getMacAddress()),
                ips,
                pairs,
                nic.isPortSecurityEnabled(),
                groups,
                nic.getTapName() != null ? nic.getTapName() : TapNames.of(nic.getUuid()));
    }

    private static Map<UUID, List<String>> groupsOf(Session session, List<Nic> nics) {
        Map<UUID, List<String>> groups = new HashMap<>();
        if (nics.isEmpty()) {
            return groups;
        }
        List<NicSecurityGroup> links = session.createQuery(
                        "select l from NicSecurityGroup l join fetch l.nic join fetch l.securityGroup"
                                + " where l.nic in :nics order by l.id",
                        NicSecurityGroup.class)
                .setParameter("nics", nics)
                .list();
        for (NicSecurityGroup link : links) {
            groups.computeIfAbsent(link.getNic().getUuid(), k -> new ArrayList<>())
                    .add(link.getSecurityGroup().getUuid().toString());
        }
        return groups;
    }

    private static <T> Optional<T> byUuid(Session session, Class<T> type, UUID uuid) {
        return session.createQuery("from " + type.getName() + " where uuid = :uuid", type)
                .setParameter("uuid", uuid)
                .uniqueResultOptional();
    }
}
