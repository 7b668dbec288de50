package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.compute.ClientToken;
import io.weft.server.compute.NicQuery;
import io.weft.server.compute.NicService;
import io.weft.server.compute.NicSpec;
import io.weft.server.compute.NicView;
import io.weft.server.securitygroup.GroupRef;
import io.weft.server.service.Page;
import io.weft.server.tags.TagView;
import io.weft.server.tenancy.Caller;
import io.weft.server.topology.ZoneService;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * CreateNetworkInterface, DescribeNetworkInterfaces, ModifyNetworkInterfaceAttribute,
 * DeleteNetworkInterface. An ENI is a Weft NIC created on its own; the compute side attaches it to an
 * instance, which EC2 shows as the {@code attachment}.
 */
final class NetworkInterfaceActions implements Ec2Action.Family {
    private final NicService nics;
    private final ZoneService zoneService;
    private final Ec2IdResolver ids;
    private final Ec2Tags tags;

    @Inject
    NetworkInterfaceActions(NicService nics, ZoneService zoneService, Ec2IdResolver ids, Ec2Tags tags) {
        this.nics = requireNonNull(nics, "nics is null");
        this.zoneService = requireNonNull(zoneService, "zoneService is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.tags = requireNonNull(tags, "tags is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("CreateNetworkInterface", this::create),
                new Ec2Action("DescribeNetworkInterfaces", this::describe),
                new Ec2Action("ModifyNetworkInterfaceAttribute", this::modify),
                new Ec2Action("DeleteNetworkInterface", this::delete));
    }

    private void create(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        Optional<ClientToken> token = params.string("ClientToken")
                .filter(text -> !text.isEmpty())
                .map(text -> new ClientToken(text, requestHash(params)));
        Optional<NicService.CreatedWithToken> earlier =
                token.flatMap(given -> nics.findByClientToken(caller, given.token()));
        if (earlier.isPresent()) {
            // A retry: answer with the interface the token made, as it is now; a reuse with other parameters fails.
            if (!earlier.get().clientToken().equals(token.get())) {
                throw new Ec2Failure(
                        "IdempotentParameterMismatch",
                        "The client token '" + token.get().token() + "' was already used with other parameters");
            }
            NicView nic = earlier.get().nic();
            writeCreated(
                    call,
                    out,
                    nic,
                    tags.of(caller, Ec2Kind.NETWORK_INTERFACE, List.of(nic.id()))
                            .get(nic.id()));
            return;
        }
        UUID subnet = ids.subnet(caller, params.required("SubnetId"));
        List<String> groupIds = params.list("SecurityGroupId");
        Optional<List<GroupRef>> groups = groupIds.isEmpty()
                ? Optional.empty()
                : Optional.of(groupIds.stream()
                        .map(id -> GroupRef.id(ids.group(caller, id)))
                        .toList());
        if (params.integer("Ipv6AddressCount").orElse(0) > 0) {
            throw Ec2Failure.invalidValue("an IPv6 address count is not supported");
        }
        RequestedAddresses addresses = RequestedAddresses.of(params);
        NicSpec spec = new NicSpec(
                subnet,
                addresses.primary(),
                Optional.empty(),
                Optional.empty(),
                groups,
                true,
                List.of(),
                params.string("Description"));
        NicView nic = nics.create(caller, Optional.empty(), spec, token).value();
        if (addresses.hasSecondaries()) {
            nic = withSecondaries(caller, nic, addresses);
        }
        List<TagView> applied = tags.applySpecifications(call, Ec2Kind.NETWORK_INTERFACE, nic.id());
        writeCreated(call, out, nic, applied);
    }

    private void writeCreated(Ec2Call call, XmlOut out, NicView nic, List<TagView> nicTags) {
        ids.remember(Ec2Kind.NETWORK_INTERFACE, nic.id());
        out.start("networkInterface");
        write(out, nic, SubnetActions.zoneNames(zoneService.list(call.caller())), nicTags);
        out.end();
        out.leaf("clientToken", call.params().string("ClientToken"));
    }

    /**
     * What makes two creates with one client token the same request: a SHA-256 of every parameter but
     * the token itself, {@code DryRun} and {@code Version}, in name order. It is stored with the NIC, so
     * it must not change between versions of Weft.
     */
    static String requestHash(Ec2Params params) {
        Map<String, String> compared = new TreeMap<>(params.asMap());
        compared.keySet().removeAll(List.of("ClientToken", "DryRun", "Version"));
        String canonical = compared.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The secondary addresses asked for at create, assigned once the interface exists; if they cannot
     * be, the interface goes again, so that a failed create leaves nothing behind.
     */
    private NicView withSecondaries(Caller caller, NicView nic, RequestedAddresses addresses) {
        try {
            return nics.assignSecondaryAddresses(caller, nic.id(), addresses.secondaries(), addresses.secondaryCount())
                    .value()
                    .nic();
        } catch (RuntimeException e) {
            nics.delete(caller, nic.id());
            throw e;
        }
    }

    /**
     * The private addresses a create asks for: {@code PrivateIpAddress}, or {@code
     * PrivateIpAddresses.N} where the one marked {@code Primary} (else the first) is the primary and
     * the others are secondary, and {@code SecondaryPrivateIpAddressCount} more to pick.
     */
    private record RequestedAddresses(Optional<String> primary, List<String> secondaries, int secondaryCount) {
        static RequestedAddresses of(Ec2Params params) {
            int count = params.integer("SecondaryPrivateIpAddressCount").orElse(0);
            List<Ec2Params> listed = params.structs("PrivateIpAddresses");
            Optional<String> single = params.string("PrivateIpAddress");
            if (listed.isEmpty()) {
                return new RequestedAddresses(single, List.of(), count);
            }
            List<Ec2Params> primaries = listed.stream()
                    .filter(address -> address.bool("Primary").orElse(false))
                    .toList();
            if (primaries.size() > 1) {
                throw Ec2Failure.invalidValue("only one private IP address can be designated as primary");
            }
            Ec2Params primary = primaries.isEmpty() ? listed.get(0) : primaries.get(0);
            String primaryAddress = primary.string("PrivateIpAddress")
                    .orElseThrow(() -> Ec2Failure.invalidValue("PrivateIpAddresses.N.PrivateIpAddress is required"));
            if (single.isPresent() && !single.get().equals(primaryAddress)) {
                throw new Ec2Failure(
                        "InvalidParameterCombination",
                        "PrivateIpAddress and the primary address of PrivateIpAddresses differ");
            }
            List<String> secondaries = listed.stream()
                    .filter(address -> address != primary)
                    .map(address -> address.string("PrivateIpAddress")
                            .orElseThrow(
                                    () -> Ec2Failure.invalidValue("PrivateIpAddresses.N.PrivateIpAddress is required")))
                    .toList();
            return new RequestedAddresses(Optional.of(primaryAddress), secondaries, count);
        }

        boolean hasSecondaries() {
            return !secondaries.isEmpty() || secondaryCount > 0;
        }
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Set<UUID> wanted = new LinkedHashSet<>();
        call.params().list("NetworkInterfaceId").forEach(id -> wanted.add(ids.networkInterface(caller, id)));
        Ec2Filters filters = call.filters();
        NicQuery query = new NicQuery(wanted, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        List<NicView> all = nics.list(caller, query, Page.ALL).items().stream()
                .filter(nic -> nic.scopeId().isPresent())
                .toList();
        Map<UUID, String> zoneNames = SubnetActions.zoneNames(zoneService.list(caller));
        Map<UUID, List<TagView>> tagsOf = tags.of(
                caller, Ec2Kind.NETWORK_INTERFACE, all.stream().map(NicView::id).toList());
        List<NicView> matching = all.stream()
                .filter(nic -> filters.matches(new Ec2Attributes()
                        .put("network-interface-id", Ec2Kind.NETWORK_INTERFACE.id(nic.id()))
                        .put("subnet-id", Ec2Kind.SUBNET.id(nic.networkId()))
                        .put("vpc-id", nic.scopeId().map(Ec2Kind.VPC::id))
                        .putAll(
                                "group-id",
                                nic.groups().stream()
                                        .map(group -> Ec2Kind.GROUP.id(group.id()))
                                        .toList())
                        .putAll(
                                "group-name",
                                nic.groups().stream()
                                        .map(NicView.GroupSummary::name)
                                        .toList())
                        .put("description", nic.description().orElse(""))
                        .putAll("private-ip-address", addresses(nic))
                        .put("mac-address", nic.macAddress())
                        .put("status", status(nic))
                        .put("availability-zone", zoneNames.getOrDefault(nic.zoneId(), ""))
                        .put("owner-id", Ec2AccountIds.of(nic.accountId()))
                        .put("attachment.instance-id", nic.vmId().map(Ec2Kind.INSTANCE::id))
                        .put("attachment.instance-owner-id", nic.vmId().map(vm -> nic.accountId()
                                .toString()))
                        .put("attachment.attachment-id", nic.vmId().map(vm -> attachmentId(nic)))
                        .put(
                                "attachment.device-index",
                                nic.vmId()
                                        .map(vm -> Integer.toString(
                                                nic.deviceIndex().orElse(0))))
                        .put("attachment.status", nic.vmId().map(vm -> "attached"))
                        .putAll("addresses.private-ip-address", addresses(nic))
                        .putAll(
                                "addresses.primary",
                                nic.secondaryAddresses().isEmpty() ? List.of("true") : List.of("true", "false"))
                        .put("ipv6-addresses.ipv6-address", nic.ipv6Address())
                        .put("interface-type", "interface")
                        .put("requester-managed", "false")
                        .put("source-dest-check", Boolean.toString(nic.sourceDestCheck()))
                        .tags(tagsOf.get(nic.id()))
                        .asMap()))
                .toList();
        Ec2Paging.Slice<NicView> page = call.page(matching);
        out.set("networkInterfaceSet", page.items(), (xml, nic) -> write(xml, nic, zoneNames, tagsOf.get(nic.id())));
        out.leaf("nextToken", page.nextToken());
    }

    /** One attribute per call, as EC2 allows; the group list replaces the whole set. */
    private void modify(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Ec2Params params = call.params();
        UUID nic = ids.networkInterface(caller, params.required("NetworkInterfaceId"));
        List<String> groupIds = params.list("SecurityGroupId");
        Optional<Boolean> sourceDestCheck = params.bool("SourceDestCheck.Value");
        Optional<String> description = params.string("Description.Value");
        boolean attachment = params.hasAny("Attachment");
        int given = (groupIds.isEmpty() ? 0 : 1)
                + (sourceDestCheck.isPresent() ? 1 : 0)
                + (description.isPresent() ? 1 : 0)
                + (attachment ? 1 : 0);
        if (given != 1) {
            throw new Ec2Failure(
                    "InvalidParameterCombination",
                    "exactly one of SecurityGroupId, SourceDestCheck, Description or Attachment must be given");
        }
        if (!groupIds.isEmpty()) {
            List<GroupRef> refs = groupIds.stream()
                    .map(id -> GroupRef.id(ids.group(caller, id)))
                    .toList();
            nics.setGroups(caller, nic, refs);
        } else if (sourceDestCheck.isPresent()) {
            nics.setSourceDestCheck(caller, nic, sourceDestCheck.get());
        } else if (description.isPresent()) {
            nics.setDescription(caller, nic, description.get());
        } else {
            // The NIC service cannot change an attachment's delete-on-termination yet.
            throw Ec2Failure.invalidValue("Attachment cannot be modified yet");
        }
        out.leaf("return", true);
    }

    private void delete(Ec2Call call, XmlOut out) {
        UUID nic = ids.networkInterface(call.caller(), call.params().required("NetworkInterfaceId"));
        nics.delete(call.caller(), nic);
        out.leaf("return", true);
    }

    /** The attachment's ID carries the interface's digits: an ENI has at most one attachment. */
    static String attachmentId(NicView nic) {
        return "eni-attach-" + Ec2Kind.NETWORK_INTERFACE.id(nic.id()).substring("eni-".length());
    }

    /** Every private IPv4 address of the interface, the primary one first. */
    static List<String> addresses(NicView nic) {
        List<String> all = new java.util.ArrayList<>(nic.ipAddress().stream().toList());
        all.addAll(nic.secondaryAddresses());
        return all;
    }

    private static String status(NicView nic) {
        return nic.vmId().isPresent() ? "in-use" : "available";
    }

    private static void write(XmlOut out, NicView nic, Map<UUID, String> zoneNames, List<TagView> tags) {
        String eniId = Ec2Kind.NETWORK_INTERFACE.id(nic.id());
        out.leaf("networkInterfaceId", eniId)
                .leaf("subnetId", Ec2Kind.SUBNET.id(nic.networkId()))
                .leaf("vpcId", nic.scopeId().map(Ec2Kind.VPC::id))
                .leaf("availabilityZone", zoneNames.getOrDefault(nic.zoneId(), ""))
                .leaf("description", nic.description().orElse(""))
                .leaf("ownerId", Ec2AccountIds.of(nic.accountId()))
                .leaf("requesterManaged", false)
                .leaf("status", status(nic))
                .leaf("macAddress", nic.macAddress())
                .leaf("privateIpAddress", nic.ipAddress())
                .leaf("sourceDestCheck", nic.sourceDestCheck())
                .leaf("interfaceType", "interface")
                .set("groupSet", nic.groups(), (xml, group) -> xml.leaf("groupId", Ec2Kind.GROUP.id(group.id()))
                        .leaf("groupName", group.name()));
        nic.vmId().ifPresent(vm -> out.start("attachment")
                .leaf("attachmentId", attachmentId(nic))
                .leaf("instanceId", Ec2Kind.INSTANCE.id(vm))
                .leaf("instanceOwnerId", Ec2AccountIds.of(nic.accountId()))
                .leaf("deviceIndex", nic.deviceIndex().orElse(0))
                .leaf("networkCardIndex", 0)
                .leaf("status", "attached")
                .leaf("deleteOnTermination", false)
                .end());
        // The primary address first, then the secondary ones, as EC2 lists them.
        out.set("privateIpAddressesSet", addresses(nic), (xml, address) -> xml.leaf("privateIpAddress", address)
                .leaf("primary", nic.ipAddress().filter(address::equals).isPresent()));
        out.set(
                "ipv6AddressesSet",
                nic.ipv6Address().stream().toList(),
                (xml, address) -> xml.leaf("ipv6Address", address));
        Ec2Tags.write(out, tags);
    }
}
