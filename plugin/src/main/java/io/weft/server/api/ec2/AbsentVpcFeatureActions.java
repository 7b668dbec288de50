package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * VPC features Weft does not have, answered as EC2 answers an account that uses none of them:
 * DescribeVpcEndpoints lists no endpoints; DescribeVpcClassicLink and DescribeVpcClassicLinkDnsSupport
 * report ClassicLink off for each VPC (older Terraform providers read both on every {@code aws_vpc}
 * read and fail on any error but not-found).
 */
final class AbsentVpcFeatureActions implements Ec2Action.Family {
    private final ImplicitVpcParts parts;
    private final Ec2IdResolver ids;

    @Inject
    AbsentVpcFeatureActions(ImplicitVpcParts parts, Ec2IdResolver ids) {
        this.parts = requireNonNull(parts, "parts is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(
                new Ec2Action("DescribeVpcEndpoints", this::endpoints),
                new Ec2Action("DescribeVpcClassicLink", this::classicLink),
                new Ec2Action("DescribeVpcClassicLinkDnsSupport", this::classicLinkDnsSupport));
    }

    private void endpoints(Ec2Call call, XmlOut out) {
        call.filters();
        List<String> named = call.params().list("VpcEndpointId");
        if (!named.isEmpty()) {
            throw new Ec2Failure(
                    "InvalidVpcEndpointId.NotFound", "The Vpc Endpoint Id '" + named.get(0) + "' does not exist");
        }
        out.set("vpcEndpointSet", List.<String>of(), (xml, endpoint) -> {});
    }

    private void classicLink(Ec2Call call, XmlOut out) {
        Ec2Filters filters = call.filters();
        List<ImplicitVpcParts.Vpc> vpcs = named(call, "VpcId").stream()
                .filter(vpc -> filters.matches(new Ec2Attributes()
                        .put("is-classic-link-enabled", "false")
                        .asMap()))
                .toList();
        out.set("vpcSet", vpcs, (xml, vpc) -> xml.leaf("vpcId", vpc.vpcId())
                .leaf("classicLinkEnabled", false)
                .set("tagSet", List.<String>of(), (tags, tag) -> {}));
    }

    private void classicLinkDnsSupport(Ec2Call call, XmlOut out) {
        Ec2Paging.Slice<ImplicitVpcParts.Vpc> page = call.page(named(call, "VpcIds"));
        out.set("vpcs", page.items(), (xml, vpc) -> xml.leaf("vpcId", vpc.vpcId())
                .leaf("classicLinkDnsSupported", false));
        out.leaf("nextToken", page.nextToken());
    }

    /** The VPCs the call names (each must be the caller's), else all of the caller's. */
    private List<ImplicitVpcParts.Vpc> named(Ec2Call call, String parameter) {
        Set<String> wanted = Set.copyOf(call.params().list(parameter));
        wanted.forEach(id -> ids.vpc(call.caller(), id));
        return parts.vpcs(call.caller()).stream()
                .filter(vpc -> wanted.isEmpty() || wanted.contains(vpc.vpcId()))
                .toList();
    }
}
