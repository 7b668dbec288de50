package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.server.ec2attributes.Ec2AttributeService;
import io.weft.server.network.GuestAddressing;
import io.weft.server.network.NetworkQuery;
import io.weft.server.network.NetworkScopeService;
import io.weft.server.network.NetworkService;
import io.weft.server.network.NetworkView;
import io.weft.server.network.NewNetwork;
import io.weft.server.network.ScopeView;
import io.weft.server.service.Page;
import io.weft.server.tags.TagView;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.AllocationState;
import io.weft.server.topology.ZoneService;
import io.weft.server.topology.ZoneView;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * CreateSubnet, DescribeSubnets, DeleteSubnet: a subnet is a Weft network inside the VPC's scope,
 * placed in a zone (the availability zone, by name).
 */
final class SubnetActions implements Ec2Action.Family {
    private final NetworkService networks;
    private final NetworkScopeService scopes;
    private final ZoneService zoneService;
    private final Ec2IdResolver ids;
    private final Ec2Tags tags;
    private final Ec2AttributeService attributes;

    @Inject
    SubnetActions(
            NetworkService networks,
            NetworkScopeService scopes,
            ZoneService zoneService,
            Ec2IdResolver ids,
            Ec2Tags tags,
            Ec2AttributeService attributes) {
        this.networks = requireNonNull(networks, "networks is null");
        this.scopes = requireNonNull(scopes, "scopes is null");
        this.zoneService = requireNonNull(zoneService, "zoneService is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.tags = requireNonNull(tags, "tags is null");
        this.attributes = requireNonNull(attributes, "attributes is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("CreateSubnet", this::create),
                new Ec2Action("DescribeSubnets", this::describe),
                new Ec2Action("DeleteSubnet", this::delete));
    }

    private void create(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        ScopeView vpc = scopes.get(caller, ids.vpc(caller, params.required("VpcId")));
        String cidr = params.required("CidrBlock");
        requireNoConflict(caller, vpc, cidr);
        List<ZoneView> zones = zoneService.list(caller);
        ZoneView zone = zone(params, zones, vpc);
        NewNetwork request = NewNetwork.of(
                        zone.id(), Ec2Tags.requestedName(call).orElse(cidr), cidr)
                .inScope(vpc.id());
        if (params.string("Ipv6CidrBlock").isPresent()) {
            request = request.withIpv6(params.required("Ipv6CidrBlock"));
        }
        NetworkView subnet = networks.create(caller, request).value();
        ids.remember(Ec2Kind.SUBNET, subnet.id());
        List<TagView> applied = tags.applySpecifications(call, Ec2Kind.SUBNET, subnet.id());
        out.start("subnet");
        write(out, call.region(), subnet, zoneNames(zones), applied, new SubnetSettings(attributes.of(subnet.id())));
        out.end();
    }

    /**
     * EC2 names a range outside the VPC {@code InvalidSubnet.Range} and an overlap {@code
     * InvalidSubnet.Conflict}; the service only knows "invalid".
     */
    private void requireNoConflict(Caller caller, ScopeView vpc, String cidrText) {
        Cidr cidr;
        try {
            cidr = Cidr.parse(cidrText.strip());
        } catch (IllegalArgumentException e) {
            throw Ec2Failure.invalidValue("Value (" + cidrText + ") for parameter cidrBlock is invalid.");
        }
        // EC2 checks the range before overlaps: a subnet larger than its VPC is out of range, even
        // though it also overlaps every subnet the VPC has.
        if (!GuestAddressing.contains(Cidr.parse(vpc.cidr()), cidr)) {
            throw new Ec2Failure("InvalidSubnet.Range", "The CIDR '" + cidrText + "' is invalid.");
        }
        for (NetworkView other : networks.list(caller, NetworkQuery.all().inScope(vpc.id()), Page.ALL)
                .items()) {
            if (GuestAddressing.overlap(Cidr.parse(other.cidr()), cidr)) {
                throw new Ec2Failure(
                        "InvalidSubnet.Conflict",
                        "The CIDR '" + cidrText + "' conflicts with another subnet (" + Ec2Kind.SUBNET.id(other.id())
                                + ")");
            }
        }
    }

    /** The zone asked for by name or id, else the VPC's, else the first enabled one. */
    private static ZoneView zone(Ec2Params params, List<ZoneView> zones, ScopeView vpc) {
        Optional<String> name = params.string("AvailabilityZone");
        Optional<String> id = params.string("AvailabilityZoneId");
        Optional<ZoneView> chosen;
        if (name.isPresent() || id.isPresent()) {
            chosen = zones.stream()
                    .filter(zone -> name.map(zone.name()::equals).orElse(true))
                    .filter(zone -> id.map(zone.id().toString()::equals).orElse(true))
                    .findFirst();
            if (chosen.isEmpty()) {
                throw Ec2Failure.invalidValue("Value (" + name.or(() -> id).orElseThrow()
                        + ") for parameter availabilityZone is invalid. Subnets can currently only be created in"
                        + " the following availability zones: "
                        + zones.stream().map(ZoneView::name).collect(Collectors.joining(", ")) + ".");
            }
        } else {
            chosen = vpc.zoneId()
                    .flatMap(bound -> zones.stream()
                            .filter(zone -> zone.id().equals(bound))
                            .findFirst())
                    .or(() -> zones.stream()
                            .filter(zone -> zone.allocationState() == AllocationState.ENABLED)
                            .findFirst());
        }
        return chosen.orElseThrow(() -> new Ec2Failure("Unavailable", "no availability zone is available"));
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Set<UUID> wanted = new LinkedHashSet<>();
        call.params().list("SubnetId").forEach(id -> wanted.add(ids.subnet(caller, id)));
        Ec2Filters filters = call.filters();
        List<NetworkView> all = networks.list(caller, NetworkQuery.all().withIds(wanted), Page.ALL).items().stream()
                .filter(network -> network.scopeId().isPresent())
                .toList();
        Map<UUID, String> zoneNames = zoneNames(zoneService.list(caller));
        Map<UUID, List<TagView>> tagsOf = tags.of(
                caller, Ec2Kind.SUBNET, all.stream().map(NetworkView::id).toList());
        Map<UUID, SubnetSettings> settingsOf = new LinkedHashMap<>();
        attributes
                .of(all.stream().map(NetworkView::id).toList())
                .forEach((id, stored) -> settingsOf.put(id, new SubnetSettings(stored)));
        List<NetworkView> matching = all.stream()
                .filter(subnet -> filters.matches(new Ec2Attributes()
                        .put("subnet-id", Ec2Kind.SUBNET.id(subnet.id()))
                        .put("vpc-id", Ec2Kind.VPC.id(subnet.scopeId().orElseThrow()))
                        // AWS documents cidr and cidrBlock, availabilityZone and defaultForAz as aliases.
                        .put("cidr-block", subnet.cidr())
                        .put("cidr", subnet.cidr())
                        .put("cidrBlock", subnet.cidr())
                        .put("availability-zone", zoneNames.getOrDefault(subnet.zoneId(), ""))
                        .put("availabilityZone", zoneNames.getOrDefault(subnet.zoneId(), ""))
                        .put("availability-zone-id", subnet.zoneId().toString())
                        .put("default-for-az", "false")
                        .put("defaultForAz", "false")
                        .put("available-ip-address-count", Long.toString(subnet.availableAddresses()))
                        .put("ipv6-cidr-block-association.ipv6-cidr-block", subnet.ipv6Cidr())
                        .put("state", "available")
                        .put("owner-id", Ec2AccountIds.of(subnet.accountId()))
                        .tags(tagsOf.get(subnet.id()))
                        .with(settingsOf.get(subnet.id())::attributes)
                        .asMap()))
                .toList();
        Ec2Paging.Slice<NetworkView> page = call.page(matching);
        out.set(
                "subnetSet",
                page.items(),
                (xml, subnet) -> write(
                        xml, call.region(), subnet, zoneNames, tagsOf.get(subnet.id()), settingsOf.get(subnet.id())));
        out.leaf("nextToken", page.nextToken());
    }

    private void delete(Ec2Call call, XmlOut out) {
        UUID id = ids.subnet(call.caller(), call.params().required("SubnetId"));
        networks.delete(call.caller(), id, false);
        out.leaf("return", true);
    }

    static Map<UUID, String> zoneNames(List<ZoneView> zones) {
        return zones.stream().collect(Collectors.toMap(ZoneView::id, ZoneView::name, (a, b) -> a));
    }

    private static void write(
            XmlOut out,
            String region,
            NetworkView subnet,
            Map<UUID, String> zoneNames,
            List<TagView> tags,
            SubnetSettings settings) {
        out.leaf("subnetId", Ec2Kind.SUBNET.id(subnet.id()))
                .leaf("state", "available")
                .leaf("vpcId", Ec2Kind.VPC.id(subnet.scopeId().orElseThrow()))
                .leaf("cidrBlock", subnet.cidr())
                .leaf("availableIpAddressCount", subnet.availableAddresses())
                .leaf("availabilityZone", zoneNames.getOrDefault(subnet.zoneId(), ""))
                .leaf("availabilityZoneId", subnet.zoneId().toString())
                .leaf("defaultForAz", false)
                .leaf("ownerId", Ec2AccountIds.of(subnet.accountId()))
                // Terraform's aws_subnet takes its arn from here rather than building it.
                .leaf(
                        "subnetArn",
                        "arn:aws:ec2:" + region + ":" + Ec2AccountIds.of(subnet.accountId()) + ":subnet/"
                                + Ec2Kind.SUBNET.id(subnet.id()));
        settings.write(out);
        subnet.ipv6Cidr()
                .ifPresent(v6 -> out.set("ipv6CidrBlockAssociationSet", List.of(v6), (xml, cidr) -> xml.leaf(
                                "associationId",
                                "subnet-cidr-assoc-"
                                        + Ec2Kind.SUBNET.id(subnet.id()).substring(7))
                        .leaf("ipv6CidrBlock", cidr)
                        .start("ipv6CidrBlockState")
                        .leaf("state", "associated")
                        .end()));
        Ec2Tags.write(out, tags);
    }
}
