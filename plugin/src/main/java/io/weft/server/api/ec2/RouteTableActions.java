package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * DescribeRouteTables: each VPC's main route table as EC2 creates it (see {@link ImplicitVpcParts}),
 * with the one local route of the VPC's CIDR. Subnets use it implicitly, so, as in EC2, they are not
 * listed among its associations. Terraform reads it on every {@code aws_vpc} read to fill {@code
 * main_route_table_id}.
 */
final class RouteTableActions implements Ec2Action.Family {
    private final ImplicitVpcParts parts;

    @Inject
    RouteTableActions(ImplicitVpcParts parts) {
        this.parts = requireNonNull(parts, "parts is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(new Ec2Action("DescribeRouteTables", this::describe));
    }

    static String routeTableId(ImplicitVpcParts.Vpc vpc) {
        return "rtb-" + vpc.digits();
    }

    private void describe(Ec2Call call, XmlOut out) {
        List<ImplicitVpcParts.Vpc> matching = parts.select(
                call,
                "RouteTableId",
                RouteTableActions::routeTableId,
                "InvalidRouteTableID.NotFound",
                RouteTableActions::attributes);
        Ec2Paging.Slice<ImplicitVpcParts.Vpc> page = call.page(matching);
        out.set("routeTableSet", page.items(), RouteTableActions::write);
        out.leaf("nextToken", page.nextToken());
    }

    private static Map<String, List<String>> attributes(ImplicitVpcParts.Vpc vpc) {
        String cidr = vpc.scope().cidr();
        return new Ec2Attributes()
                .put("route-table-id", routeTableId(vpc))
                .put("vpc-id", vpc.vpcId())
                .put("association.main", "true")
                .put("association.route-table-id", routeTableId(vpc))
                .put("association.route-table-association-id", associationId(vpc))
                .put("owner-id", vpc.ownerId())
                .put("route.destination-cidr-block", cidr)
                .put("route.gateway-id", "local")
                .put("route.origin", "CreateRouteTable")
                .put("route.state", "active")
                .asMap();
    }

    private static String associationId(ImplicitVpcParts.Vpc vpc) {
        return "rtbassoc-" + vpc.digits();
    }

    private static void write(XmlOut out, ImplicitVpcParts.Vpc vpc) {
        String routeTableId = routeTableId(vpc);
        out.leaf("routeTableId", routeTableId).leaf("vpcId", vpc.vpcId()).leaf("ownerId", vpc.ownerId());
        out.set("routeSet", List.of(vpc.scope().cidr()), (xml, cidr) -> xml.leaf("destinationCidrBlock", cidr)
                .leaf("gatewayId", "local")
                .leaf("state", "active")
                .leaf("origin", "CreateRouteTable"));
        out.set("associationSet", List.of(vpc), (xml, main) -> xml.leaf("routeTableAssociationId", associationId(main))
                .leaf("routeTableId", routeTableId)
                .leaf("main", true)
                .start("associationState")
                .leaf("state", "associated")
                .end());
        out.set("propagatingVgwSet", List.<String>of(), (xml, gateway) -> {});
        out.set("tagSet", List.<String>of(), (xml, tag) -> {});
    }
}
