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
 * The requests Terraform's {@code aws_security_group} and Ansible's {@code ec2_security_group} send
 * when they create a group (terraform-provider-aws {@code resourceSecurityGroupCreate}; amazon.aws
 * {@code create_ec2_security_group}), answered as EC2 answers them.
 */
class Ec2TerraformSecurityGroupTest {
    private static final String GROUP = "/DescribeSecurityGroupsResponse/securityGroupInfo/item";

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
        vpc = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(0);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String createGroup(String name) {
        return ec2.call(
                        alice,
                        "CreateSecurityGroup",
                        "GroupName",
                        name,
                        "GroupDescription",
                        "Managed by Terraform",
                        "VpcId",
                        vpc,
                        "TagSpecification.1.ResourceType",
                        "security-group",
                        "TagSpecification.1.Tag.1.Key",
                        "Name",
                        "TagSpecification.1.Tag.1.Value",
                        name)
                .ok()
                .one("/CreateSecurityGroupResponse/groupId");
    }

    private Ec2ActionsFixture.Reply describe(String group) {
        return ec2.call(alice, "DescribeSecurityGroups", "GroupId.1", group).ok();
    }

    /** What the provider sends for the default egress rule it removes: protocol -1 with ports 0. */
    private Ec2ActionsFixture.Reply allTrafficWithPortsZero(String action, String group, String range, String cidr) {
        return ec2.call(
                alice,
                action,
                "GroupId",
                group,
                "IpPermissions.1.IpProtocol",
                "-1",
                "IpPermissions.1.FromPort",
                "0",
                "IpPermissions.1.ToPort",
                "0",
                "IpPermissions.1." + range,
                cidr);
    }

    @Test
    void aNewVpcGroupHasEc2sDefaultAllowAllEgressWithoutPorts() {
        String group = createGroup("web");

        Ec2ActionsFixture.Reply described = describe(group);

        // amazon.aws loops until IpPermissionsEgress is non-empty.
        assertThat(described.all(GROUP + "/ipPermissionsEgress/item/ipProtocol"))
                .containsExactly("-1");
        assertThat(described.all(GROUP + "/ipPermissionsEgress/item/ipRanges/item/cidrIp"))
                .containsExactly("0.0.0.0/0");
        assertThat(described.all(GROUP + "/ipPermissionsEgress/item/fromPort")).isEmpty();
        assertThat(described.all(GROUP + "/ipPermissionsEgress/item/toPort")).isEmpty();
        Ec2ActionsFixture.Reply rules = ec2.call(
                        alice, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", group)
                .ok();
        String rule = "/DescribeSecurityGroupRulesResponse/securityGroupRuleSet/item";
        assertThat(rules.one(rule + "/ipProtocol")).isEqualTo("-1");
        assertThat(rules.one(rule + "/fromPort")).isEqualTo("-1");
        assertThat(rules.one(rule + "/toPort")).isEqualTo("-1");
        assertThat(rules.one(rule + "/isEgress")).isEqualTo("true");
    }

    @Test
    void terraformRevokesTheDefaultEgressWithPortsZeroWhichEc2IgnoresForProtocolMinusOne() {
        String group = createGroup("web");
        for (int i = 0; i < 3; i++) {
            // waitSecurityGroupCreated: found three times in a row.
            assertThat(describe(group).one(GROUP + "/groupId")).isEqualTo(group);
        }

        allTrafficWithPortsZero("RevokeSecurityGroupEgress", group, "IpRanges.1.CidrIp", "0.0.0.0/0")
                .ok();
        Ec2ActionsFixture.Reply ipv6 =
                allTrafficWithPortsZero("RevokeSecurityGroupEgress", group, "Ipv6Ranges.1.CidrIpv6", "::/0");

        assertThat(ipv6.errorCode()).as("tolerated by the provider").isEqualTo("InvalidPermission.NotFound");
        assertThat(describe(group).all(GROUP + "/ipPermissionsEgress/item")).isEmpty();
    }

    @Test
    void anAllProtocolsRuleGivenWithPortsIsStoredAndShownWithoutThem() {
        String group = createGroup("web");

        allTrafficWithPortsZero("AuthorizeSecurityGroupIngress", group, "IpRanges.1.CidrIp", "10.1.0.0/16")
                .ok();

        Ec2ActionsFixture.Reply described = describe(group);
        assertThat(described.all(GROUP + "/ipPermissions/item/ipProtocol")).containsExactly("-1");
        assertThat(described.all(GROUP + "/ipPermissions/item/fromPort")).isEmpty();
    }
}
