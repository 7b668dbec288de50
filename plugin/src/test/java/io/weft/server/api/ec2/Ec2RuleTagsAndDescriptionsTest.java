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
 * Tags and descriptions of single rules, as Terraform's {@code aws_vpc_security_group_ingress_rule}
 * (create with TagSpecification, read by {@code SecurityGroupRuleId.1}, CreateTags on the {@code sgr-}
 * ID) and {@code aws_security_group_rule} (UpdateSecurityGroupRuleDescriptionsIngress) send them.
 */
class Ec2RuleTagsAndDescriptionsTest {
    private static final String RULE = "/DescribeSecurityGroupRulesResponse/securityGroupRuleSet/item";

    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String group;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        String vpc = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(0);
        group = ec2.call(alice, "CreateSecurityGroup", "GroupName", "web", "GroupDescription", "web", "VpcId", vpc)
                .ok()
                .one("/CreateSecurityGroupResponse/groupId");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String authorizeHttps(String... extra) {
        String[] base = {
            "GroupId", group,
            "IpPermissions.1.IpProtocol", "tcp",
            "IpPermissions.1.FromPort", "443",
            "IpPermissions.1.ToPort", "443",
            "IpPermissions.1.IpRanges.1.CidrIp", "10.1.0.0/16",
            "IpPermissions.1.IpRanges.1.Description", "https"
        };
        String[] pairs = new String[base.length + extra.length];
        System.arraycopy(base, 0, pairs, 0, base.length);
        System.arraycopy(extra, 0, pairs, base.length, extra.length);
        return ec2.call(alice, "AuthorizeSecurityGroupIngress", pairs)
                .ok()
                .one("/AuthorizeSecurityGroupIngressResponse/securityGroupRuleSet/item/securityGroupRuleId");
    }

    private Ec2ActionsFixture.Reply rule(String ruleId) {
        return ec2.call(alice, "DescribeSecurityGroupRules", "SecurityGroupRuleId.1", ruleId)
                .ok();
    }

    @Test
    void aRuleIsTaggedOnCreateAndLaterByItsId() {
        String ruleId = authorizeHttps(
                "TagSpecification.1.ResourceType", "security-group-rule",
                "TagSpecification.1.Tag.1.Key", "Name",
                "TagSpecification.1.Tag.1.Value", "https-in");

        assertThat(rule(ruleId).all(RULE + "/tagSet/item/value")).containsExactly("https-in");
        ec2.call(alice, "CreateTags", "ResourceId.1", ruleId, "Tag.1.Key", "env", "Tag.1.Value", "prod")
                .ok();
        assertThat(rule(ruleId).all(RULE + "/tagSet/item/key")).containsExactly("Name", "env");
        assertThat(ec2.call(alice, "DescribeSecurityGroupRules", "Filter.1.Name", "tag:env", "Filter.1.Value.1", "prod")
                        .ok()
                        .all(RULE + "/securityGroupRuleId"))
                .containsExactly(ruleId);
        ec2.call(alice, "DeleteTags", "ResourceId.1", ruleId, "Tag.1.Key", "Name")
                .ok();
        assertThat(rule(ruleId).all(RULE + "/tagSet/item/key")).containsExactly("env");
        assertThat(ec2.call(fx.bob, "CreateTags", "ResourceId.1", ruleId, "Tag.1.Key", "x")
                        .errorCode())
                .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
    }

    @Test
    void aDescriptionChangesByPermissionOrByIdAndTheRuleKeepsItsId() {
        String ruleId = authorizeHttps();

        ec2.call(
                        alice,
                        "UpdateSecurityGroupRuleDescriptionsIngress",
                        "GroupId",
                        group,
                        "IpPermissions.1.IpProtocol",
                        "tcp",
                        "IpPermissions.1.FromPort",
                        "443",
                        "IpPermissions.1.ToPort",
                        "443",
                        "IpPermissions.1.IpRanges.1.CidrIp",
                        "10.1.0.0/16",
                        "IpPermissions.1.IpRanges.1.Description",
                        "tls")
                .ok();
        assertThat(rule(ruleId).one(RULE + "/description")).isEqualTo("tls");

        ec2.call(
                        alice,
                        "UpdateSecurityGroupRuleDescriptionsIngress",
                        "GroupId",
                        group,
                        "SecurityGroupRuleDescriptions.1.SecurityGroupRuleId",
                        ruleId,
                        "SecurityGroupRuleDescriptions.1.Description",
                        "front")
                .ok();
        assertThat(rule(ruleId).one(RULE + "/description")).isEqualTo("front");
        assertThat(rule(ruleId).one(RULE + "/fromPort")).isEqualTo("443");

        assertThat(ec2.call(
                                alice,
                                "UpdateSecurityGroupRuleDescriptionsEgress",
                                "GroupId",
                                group,
                                "SecurityGroupRuleDescriptions.1.SecurityGroupRuleId",
                                ruleId,
                                "SecurityGroupRuleDescriptions.1.Description",
                                "x")
                        .errorCode())
                .as("an inbound rule is not among the outbound ones")
                .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
        assertThat(ec2.call(
                                alice,
                                "UpdateSecurityGroupRuleDescriptionsIngress",
                                "GroupId",
                                group,
                                "IpPermissions.1.IpProtocol",
                                "tcp",
                                "IpPermissions.1.FromPort",
                                "22",
                                "IpPermissions.1.ToPort",
                                "22",
                                "IpPermissions.1.IpRanges.1.CidrIp",
                                "10.1.0.0/16")
                        .errorCode())
                .isEqualTo("InvalidPermission.NotFound");
        assertThat(rule(ruleId).one(RULE + "/description")).isEqualTo("front");
    }
}
