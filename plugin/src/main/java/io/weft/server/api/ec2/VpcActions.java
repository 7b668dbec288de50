package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.InvalidRuleException;
import io.weft.rules.model.IpFamily;
import io.weft.server.network.NetworkScopeService;
import io.weft.server.network.NewScope;
import io.weft.server.network.ScopeView;
import io.weft.server.service.Page;
import io.weft.server.tags.TagView;
import io.weft.server.tenancy.Caller;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** CreateVpc, DescribeVpcs, DeleteVpc: a VPC is a Weft network scope with its default group. */
final class VpcActions implements Ec2Action.Family {
    private final NetworkScopeService scopes;
    private final Ec2IdResolver ids;
    private final Ec2Tags tags;

    @Inject
    VpcActions(NetworkScopeService scopes, Ec2IdResolver ids, Ec2Tags tags) {
        this.scopes = requireNonNull(scopes, "scopes is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.tags = requireNonNull(tags, "tags is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("CreateVpc", this::create),
                new Ec2Action("DescribeVpcs", this::describe),
                new Ec2Action("DeleteVpc", this::delete));
    }

    /**
     * AWS tells a CidrBlock that is not a CIDR at all (InvalidParameterValue, "This is not a valid
     * CIDR block") from one of the wrong size (InvalidVpc.Range, which the service's refusal becomes).
     */
    private static void requireCidrSyntax(String cidr) {
        boolean ipv4 = false;
        try {
            ipv4 = cidr.contains("/") && Cidr.parse(cidr).family() == IpFamily.IPV4;
        } catch (InvalidRuleException e) {
            // not a CIDR: refused below
        }
        if (!ipv4) {
            throw Ec2Failure.invalidValue(
                    "Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        }
    }

    private void create(Ec2Call call, XmlOut out) {
        Ec2Params params = call.params();
        if (params.bool("AmazonProvidedIpv6CidrBlock").orElse(false)) {
            throw Ec2Failure.invalidValue(
                    "AmazonProvidedIpv6CidrBlock is not supported; give subnets an Ipv6CidrBlock");
        }
        params.string("InstanceTenancy")
                .filter(tenancy -> !tenancy.equals("default"))
                .ifPresent(tenancy -> {
                    throw Ec2Failure.invalidValue("InstanceTenancy '" + tenancy + "' is not supported");
                });
        String cidr = params.required("CidrBlock");
        requireCidrSyntax(cidr);
        NewScope request = new NewScope(Optional.empty(), Optional.empty(), Ec2Tags.requestedName(call), cidr);
        ScopeView vpc = scopes.create(call.caller(), request).value();
        ids.remember(Ec2Kind.VPC, vpc.id());
        List<TagView> applied = tags.applySpecifications(call, Ec2Kind.VPC, vpc.id());
        out.start("vpc");
        write(out, vpc, applied);
        out.end();
    }

    private void describe(Ec2Call call, XmlOut out) {
        Caller caller = call.caller();
        Set<UUID> wanted = new LinkedHashSet<>();
        call.params().list("VpcId").forEach(id -> wanted.add(ids.vpc(caller, id)));
        Ec2Filters filters = call.filters();
        List<ScopeView> all =
                scopes.list(caller, wanted, Optional.empty(), Page.ALL).items();
        Map<UUID, List<TagView>> tagsOf =
                tags.of(caller, Ec2Kind.VPC, all.stream().map(ScopeView::id).toList());
        List<ScopeView> matching = all.stream()
                .filter(vpc -> filters.matches(attributes(vpc, tagsOf.get(vpc.id()))))
                .toList();
        Ec2Paging.Slice<ScopeView> page = call.page(matching);
        out.set("vpcSet", page.items(), (xml, vpc) -> write(xml, vpc, tagsOf.get(vpc.id())));
        out.leaf("nextToken", page.nextToken());
    }

    private void delete(Ec2Call call, XmlOut out) {
        UUID id = ids.vpc(call.caller(), call.params().required("VpcId"));
        scopes.delete(call.caller(), id);
        out.leaf("return", true);
    }

    private static Map<String, List<String>> attributes(ScopeView vpc, List<TagView> tags) {
        return new Ec2Attributes()
                .put("vpc-id", Ec2Kind.VPC.id(vpc.id()))
                .put("state", "available")
                .put("cidr", vpc.cidr())
                // Not in AWS's list for VPCs, but AWS accepts it and Ansible's ec2_vpc_net sends it.
                .put("cidr-block", vpc.cidr())
                .put("cidr-block-association.cidr-block", vpc.cidr())
                .put("cidr-block-association.association-id", associationId(Ec2Kind.VPC.id(vpc.id())))
                .put("cidr-block-association.state", "associated")
                .put("dhcp-options-id", "default")
                .put("is-default", "false")
                .put("owner-id", Ec2AccountIds.of(vpc.accountId()))
                .tags(tags)
                .asMap();
    }

    private static String associationId(String vpcId) {
        return "vpc-cidr-assoc-" + vpcId.substring("vpc-".length());
    }

    static void write(XmlOut out, ScopeView vpc, List<TagView> tags) {
        String vpcId = Ec2Kind.VPC.id(vpc.id());
        out.leaf("vpcId", vpcId)
                .leaf("ownerId", Ec2AccountIds.of(vpc.accountId()))
                .leaf("state", "available")
                .leaf("cidrBlock", vpc.cidr())
                .set("cidrBlockAssociationSet", List.of(vpc.cidr()), (xml, cidr) -> xml.leaf(
                                "associationId", associationId(vpcId))
                        .leaf("cidrBlock", cidr)
                        .start("cidrBlockState")
                        .leaf("state", "associated")
                        .end())
                .leaf("dhcpOptionsId", "default")
                .leaf("instanceTenancy", "default")
                .leaf("isDefault", false);
        Ec2Tags.write(out, tags);
    }
}
