package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.tenancy.Caller;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests Terraform's {@code aws_vpc} sends to create and read a VPC (terraform-provider-aws
 * {@code resourceVPCCreate}, {@code modifyVPCAttributesOnCreate}, {@code resourceVPCRead}) and
 * Ansible's {@code ec2_vpc_net} sends for its DNS settings, answered as EC2 answers them.
 */
class Ec2TerraformVpcTest {
    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String vpc;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        vpc = ec2.call(alice, "CreateVpc", "CidrBlock", "10.0.0.0/16", "InstanceTenancy", "default")
                .ok()
                .one("/CreateVpcResponse/vpc/vpcId");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String attribute(String name) {
        Ec2ActionsFixture.Reply reply = ec2.call(alice, "DescribeVpcAttribute", "VpcId", vpc, "Attribute", name)
                .ok();
        assertThat(reply.one("/DescribeVpcAttributeResponse/vpcId")).isEqualTo(vpc);
        return reply.one("/DescribeVpcAttributeResponse/" + name + "/value");
    }

    @Test
    void aNewVpcHasAwssDefaultsForEveryAttributeTerraformReads() {
        assertThat(attribute("enableDnsHostnames")).isEqualTo("false");
        assertThat(attribute("enableDnsSupport")).isEqualTo("true");
        assertThat(attribute("enableNetworkAddressUsageMetrics")).isEqualTo("false");
    }

    @Test
    void aModifiedAttributeIsStoredAndReadBackAlone() {
        ec2.call(alice, "ModifyVpcAttribute", "VpcId", vpc, "EnableDnsHostnames.Value", "true")
                .ok();
        ec2.call(alice, "ModifyVpcAttribute", "VpcId", vpc, "EnableDnsSupport.Value", "false")
                .ok();
        ec2.call(alice, "ModifyVpcAttribute", "VpcId", vpc, "EnableDnsSupport.Value", "true")
                .ok();

        assertThat(attribute("enableDnsHostnames")).isEqualTo("true");
        assertThat(attribute("enableDnsSupport")).isEqualTo("true");
        assertThat(attribute("enableNetworkAddressUsageMetrics")).isEqualTo("false");
        String other =
                ec2.call(alice, "CreateVpc", "CidrBlock", "10.1.0.0/16").ok().one("/CreateVpcResponse/vpc/vpcId");
        assertThat(ec2.call(alice, "DescribeVpcAttribute", "VpcId", other, "Attribute", "enableDnsHostnames")
                        .ok()
                        .one("/DescribeVpcAttributeResponse/enableDnsHostnames/value"))
                .isEqualTo("false");
    }

    @Test
    void oneAttributePerModifyAndOnlyKnownAttributes() {
        assertThat(ec2.call(
                                alice,
                                "ModifyVpcAttribute",
                                "VpcId",
                                vpc,
                                "EnableDnsHostnames.Value",
                                "true",
                                "EnableDnsSupport.Value",
                                "true")
                        .errorCode())
                .isEqualTo("InvalidParameterCombination");
        assertThat(ec2.call(alice, "DescribeVpcAttribute", "VpcId", vpc, "Attribute", "enableClassicLink")
                        .errorCode())
                .isEqualTo("InvalidParameterValue");
        assertThat(attribute("enableDnsHostnames")).isEqualTo("false");
    }

    @Test
    void anotherTenantsVpcIsNotFound() {
        assertThat(ec2.call(fx.bob, "DescribeVpcAttribute", "VpcId", vpc, "Attribute", "enableDnsSupport")
                        .errorCode())
                .isEqualTo("InvalidVpcID.NotFound");
        assertThat(ec2.call(fx.bob, "ModifyVpcAttribute", "VpcId", vpc, "EnableDnsHostnames.Value", "true")
                        .errorCode())
                .isEqualTo("InvalidVpcID.NotFound");
        assertThat(attribute("enableDnsHostnames")).isEqualTo("false");
    }

    private Ec2ActionsFixture.Reply byVpcAnd(String action, String filter, String value) {
        return ec2.call(
                        alice,
                        action,
                        "Filter.1.Name",
                        filter,
                        "Filter.1.Value.1",
                        value,
                        "Filter.2.Name",
                        "vpc-id",
                        "Filter.2.Value.1",
                        vpc)
                .ok();
    }

    @Test
    void terraformsVpcReadFindsOneDefaultAclOneMainRouteTableAndOneDefaultGroup() {
        String digits = vpc.substring("vpc-".length());
        String subnet = ec2.call(alice, "CreateSubnet", "VpcId", vpc, "CidrBlock", "10.0.1.0/24")
                .ok()
                .one("/CreateSubnetResponse/subnet/subnetId");
        ec2.call(alice, "CreateVpc", "CidrBlock", "10.9.0.0/16").ok();
        assertThat(ec2.call(alice, "DescribeVpcs", "VpcId.1", vpc).ok().one("/DescribeVpcsResponse/vpcSet/item/vpcId"))
                .isEqualTo(vpc);

        String acl = "/DescribeNetworkAclsResponse/networkAclSet/item";
        Ec2ActionsFixture.Reply acls = byVpcAnd("DescribeNetworkAcls", "default", "true");
        assertThat(acls.one(acl + "/networkAclId")).isEqualTo("acl-" + digits);
        assertThat(acls.one(acl + "/isDefault")).isEqualTo("true");
        assertThat(acls.all(acl + "/associationSet/item/subnetId")).containsExactly(subnet);
        assertThat(acls.all(acl + "/entrySet/item/ruleAction")).containsExactly("allow", "deny", "allow", "deny");
        assertThat(acls.all(acl + "/entrySet/item/egress")).containsExactly("true", "true", "false", "false");

        String table = "/DescribeRouteTablesResponse/routeTableSet/item";
        Ec2ActionsFixture.Reply tables = byVpcAnd("DescribeRouteTables", "association.main", "true");
        assertThat(tables.one(table + "/routeTableId")).isEqualTo("rtb-" + digits);
        assertThat(tables.one(table + "/associationSet/item/main")).isEqualTo("true");
        assertThat(tables.one(table + "/routeSet/item/destinationCidrBlock")).isEqualTo("10.0.0.0/16");
        assertThat(tables.one(table + "/routeSet/item/gatewayId")).isEqualTo("local");

        assertThat(byVpcAnd("DescribeSecurityGroups", "group-name", "default")
                        .all("/DescribeSecurityGroupsResponse/securityGroupInfo/item/groupName"))
                .containsExactly("default");
        assertThat(ec2.call(alice, "DescribeRouteTables", "RouteTableId.1", "rtb-" + digits)
                        .ok()
                        .all(table + "/vpcId"))
                .containsExactly(vpc);
        assertThat(ec2.call(alice, "DescribeNetworkAcls", "NetworkAclId.1", "acl-00000000000000000")
                        .errorCode())
                .isEqualTo("InvalidNetworkAclID.NotFound");
        assertThat(ec2.call(fx.bob, "DescribeRouteTables", "RouteTableId.1", "rtb-" + digits)
                        .errorCode())
                .isEqualTo("InvalidRouteTableID.NotFound");
    }

    @Test
    void vpcFeaturesWeftLacksAreAnsweredAsAnAccountWithoutThem() {
        assertThat(ec2.call(alice, "DescribeVpcEndpoints", "Filter.1.Name", "vpc-id", "Filter.1.Value.1", vpc)
                        .ok()
                        .all("/DescribeVpcEndpointsResponse/vpcEndpointSet/item"))
                .isEmpty();
        Ec2ActionsFixture.Reply classicLink =
                ec2.call(alice, "DescribeVpcClassicLink", "VpcId.1", vpc).ok();
        assertThat(classicLink.one("/DescribeVpcClassicLinkResponse/vpcSet/item/vpcId"))
                .isEqualTo(vpc);
        assertThat(classicLink.one("/DescribeVpcClassicLinkResponse/vpcSet/item/classicLinkEnabled"))
                .isEqualTo("false");
        assertThat(ec2.call(alice, "DescribeVpcClassicLinkDnsSupport", "VpcIds.1", vpc)
                        .ok()
                        .one("/DescribeVpcClassicLinkDnsSupportResponse/vpcs/item/classicLinkDnsSupported"))
                .isEqualTo("false");
        assertThat(ec2.call(fx.bob, "DescribeVpcClassicLink", "VpcId.1", vpc).errorCode())
                .isEqualTo("InvalidVpcID.NotFound");
    }

    @Test
    void aVpcThatStillHasSubnetsIsADependencyViolationNamingItsVpcId() {
        ec2.call(alice, "CreateSubnet", "VpcId", vpc, "CidrBlock", "10.0.1.0/24")
                .ok();

        Ec2ActionsFixture.Reply refused = ec2.call(alice, "DeleteVpc", "VpcId", vpc);

        assertThat(refused.errorCode()).isEqualTo("DependencyViolation");
        String message = refused.one("/Response/Errors/Error/Message");
        assertThat(message).contains(vpc);
        assertThat(message).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }
}
