package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * DescribeNetworkAcls: each VPC's default network ACL as EC2 creates it (see {@link ImplicitVpcParts}),
 * allowing all traffic both ways with the final deny-all entry. Terraform reads it on every {@code
 * aws_vpc} read to fill {@code default_network_acl_id}.
 */
final class NetworkAclActions implements Ec2Action.Family {
    private static final String ALL_TRAFFIC = "-1";
    private static final int ALLOW_ALL_RULE = 100;
    private static final int LAST_RULE = 32767;

    private final ImplicitVpcParts parts;

    @Inject
    NetworkAclActions(ImplicitVpcParts parts) {
        this.parts = requireNonNull(parts, "parts is null");
    }

    @Override
    public List<Ec2Action> actions() {
        return List.of(new Ec2Action("DescribeNetworkAcls", this::describe));
    }

    static String aclId(ImplicitVpcParts.Vpc vpc) {
        return "acl-" + vpc.digits();
    }

    private void describe(Ec2Call call, XmlOut out) {
        List<ImplicitVpcParts.Vpc> matching = parts.select(
                call,
                "NetworkAclId",
                NetworkAclActions::aclId,
                "InvalidNetworkAclID.NotFound",
                NetworkAclActions::attributes);
        Ec2Paging.Slice<ImplicitVpcParts.Vpc> page = call.page(matching);
        out.set("networkAclSet", page.items(), NetworkAclActions::write);
        out.leaf("nextToken", page.nextToken());
    }

    private static Map<String, List<String>> attributes(ImplicitVpcParts.Vpc vpc) {
        return new Ec2Attributes()
                .put("network-acl-id", aclId(vpc))
                .put("vpc-id", vpc.vpcId())
                .put("default", "true")
                .put("owner-id", vpc.ownerId())
                .putAll("association.subnet-id", vpc.subnetIds())
                .putAll("association.network-acl-id", vpc.subnetIds().isEmpty() ? List.of() : List.of(aclId(vpc)))
                .put("entry.rule-action", "allow")
                .put("entry.rule-action", "deny")
                .put("entry.cidr", "0.0.0.0/0")
                .put("entry.protocol", ALL_TRAFFIC)
                .putAll("entry.egress", List.of("true", "false"))
                .putAll("entry.rule-number", List.of(Integer.toString(ALLOW_ALL_RULE), Integer.toString(LAST_RULE)))
                .asMap();
    }

    private static void write(XmlOut out, ImplicitVpcParts.Vpc vpc) {
        String aclId = aclId(vpc);
        out.leaf("networkAclId", aclId).leaf("vpcId", vpc.vpcId()).leaf("isDefault", true);
        out.start("entrySet");
        for (boolean egress : List.of(true, false)) {
            entry(out, ALLOW_ALL_RULE, "allow", egress);
            entry(out, LAST_RULE, "deny", egress);
        }
        out.end();
        out.set("associationSet", vpc.subnetIds(), (xml, subnetId) -> xml.leaf(
                        "networkAclAssociationId", "aclassoc-" + subnetId.substring("subnet-".length()))
                .leaf("networkAclId", aclId)
                .leaf("subnetId", subnetId));
        out.set("tagSet", List.<String>of(), (xml, tag) -> {});
        out.leaf("ownerId", vpc.ownerId());
    }

    private static void entry(XmlOut out, int number, String action, boolean egress) {
        out.start("item")
                .leaf("ruleNumber", number)
                .leaf("protocol", ALL_TRAFFIC)
                .leaf("ruleAction", action)
                .leaf("egress", egress)
                .leaf("cidrBlock", "0.0.0.0/0")
                .end();
    }
}
