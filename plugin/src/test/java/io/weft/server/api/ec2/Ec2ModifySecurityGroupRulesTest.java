package io.weft.server.api.ec2;

import static io.weft.server.network.NetworkFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.network.NetworkFixture;
import io.weft.server.persistence.DatabaseVendor;
import io.weft.server.persistence.outbox.ChangeKind;
import io.weft.server.securitygroup.GroupQuery;
import io.weft.server.service.Page;
import io.weft.server.tenancy.Caller;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModifySecurityGroupRules through the EC2 edge over the real services: in place, all or nothing. */
class Ec2ModifySecurityGroupRulesTest {
    private static final String RULES = "/DescribeSecurityGroupRulesResponse/securityGroupRuleSet/item";

    @TempDir
    Path dataDirectory;

    NetworkFixture fx;
    Ec2ActionsFixture ec2;
    Caller alice;
    String web;
    String db;
    String ssh;
    String https;

    @BeforeEach
    void start() {
        fx = new NetworkFixture(DatabaseVendor.H2, dataDirectory);
        ec2 = new Ec2ActionsFixture(fx);
        alice = fx.alice;
        String vpc = ec2.vpcWithSubnet(alice, "10.0.0.0/16", "10.0.1.0/24").get(0);
        web = group("web", vpc);
        db = group("db", vpc);
        List<String> rules = ec2.call(
                        alice,
                        "AuthorizeSecurityGroupIngress",
                        "GroupId",
                        web,
                        "IpPermissions.1.IpProtocol",
                        "tcp",
                        "IpPermissions.1.FromPort",
                        "22",
                        "IpPermissions.1.ToPort",
                        "22",
                        "IpPermissions.1.IpRanges.1.CidrIp",
                        "10.0.0.0/8",
                        "IpPermissions.1.IpRanges.1.Description",
                        "ssh",
                        "IpPermissions.2.IpProtocol",
                        "tcp",
                        "IpPermissions.2.FromPort",
                        "443",
                        "IpPermissions.2.ToPort",
                        "443",
                        "IpPermissions.2.IpRanges.1.CidrIp",
                        "0.0.0.0/0")
                .ok()
                .all("/AuthorizeSecurityGroupIngressResponse/securityGroupRuleSet/item/securityGroupRuleId");
        ssh = rules.get(0);
        https = rules.get(1);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private String group(String name, String vpc) {
        return ec2.call(alice, "CreateSecurityGroup", "GroupName", name, "GroupDescription", name, "VpcId", vpc)
                .ok()
                .one("/CreateSecurityGroupResponse/groupId");
    }

    private Ec2ActionsFixture.Reply describe(String... ruleIds) {
        String[] pairs = new String[ruleIds.length * 2];
        for (int i = 0; i < ruleIds.length; i++) {
            pairs[2 * i] = "SecurityGroupRuleId." + (i + 1);
            pairs[2 * i + 1] = ruleIds[i];
        }
        return ec2.call(alice, "DescribeSecurityGroupRules", pairs).ok();
    }

    /** Every rule of the caller, each as one line of its XML text, to compare before and after. */
    private List<String> everyRule() {
        return ec2.call(alice, "DescribeSecurityGroupRules").ok().all(RULES);
    }

    private UUID uuidOf(String groupId) {
        return fx.groups.list(alice, GroupQuery.all(), Page.ALL).items().stream()
                .filter(group -> Ec2Kind.GROUP.id(group.id()).equals(groupId))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void modifiedRulesKeepTheirIdsShowTheNewValuesAndReachHostsAsOneChange() {
        int before = fx.changes().size();

        ec2.call(
                        alice,
                        "ModifySecurityGroupRules",
                        "GroupId",
                        web,
                        "SecurityGroupRule.1.SecurityGroupRuleId",
                        ssh,
                        "SecurityGroupRule.1.SecurityGroupRule.IpProtocol",
                        "tcp",
                        "SecurityGroupRule.1.SecurityGroupRule.FromPort",
                        "2222",
                        "SecurityGroupRule.1.SecurityGroupRule.ToPort",
                        "2222",
                        "SecurityGroupRule.1.SecurityGroupRule.CidrIpv4",
                        "10.1.0.0/16",
                        "SecurityGroupRule.1.SecurityGroupRule.Description",
                        "ssh2",
                        "SecurityGroupRule.2.SecurityGroupRuleId",
                        https,
                        "SecurityGroupRule.2.SecurityGroupRule.IpProtocol",
                        "tcp",
                        "SecurityGroupRule.2.SecurityGroupRule.FromPort",
                        "5432",
                        "SecurityGroupRule.2.SecurityGroupRule.ToPort",
                        "5432",
                        "SecurityGroupRule.2.SecurityGroupRule.ReferencedGroupId",
                        db)
                .ok();

        Ec2ActionsFixture.Reply rules = describe(ssh, https);
        assertThat(rules.all(RULES + "/securityGroupRuleId")).containsExactly(ssh, https);
        assertThat(rules.all(RULES + "/fromPort")).containsExactly("2222", "5432");
        assertThat(rules.all(RULES + "/toPort")).containsExactly("2222", "5432");
        assertThat(rules.all(RULES + "/isEgress")).containsExactly("false", "false");
        assertThat(rules.one(RULES + "[1]/cidrIpv4")).isEqualTo("10.1.0.0/16");
        assertThat(rules.one(RULES + "[1]/description")).isEqualTo("ssh2");
        assertThat(rules.all(RULES + "[2]/cidrIpv4")).isEmpty();
        assertThat(rules.one(RULES + "[2]/referencedGroupInfo/groupId")).isEqualTo(db);
        // Still two ingress rules and the egress one: nothing was added or removed.
        assertThat(ec2.call(alice, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", web)
                        .ok()
                        .all(RULES + "/securityGroupRuleId"))
                .hasSize(3)
                .contains(ssh, https);
        assertThat(fx.changesAfter(before))
                .containsExactly(record(ChangeKind.GROUP.stored(), List.of(uuidOf(web)), false));
    }

    @Test
    void invalidModificationsAnswerTheirEc2CodeAndChangeNothing() {
        String dbEgressRule = ec2.call(
                        alice, "DescribeSecurityGroupRules", "Filter.1.Name", "group-id", "Filter.1.Value.1", db)
                .ok()
                .one(RULES + "/securityGroupRuleId");
        List<String> rulesBefore = everyRule();
        int changesBefore = fx.changes().size();

        assertThat(modifyOne(web, "sgr-00000000000000000", "10.9.0.0/16").errorCode())
                .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
        assertThat(modifyOne(web, "sgr-xyz", "10.9.0.0/16").errorCode())
                .isEqualTo("InvalidSecurityGroupRuleId.Malformed");
        assertThat(modifyOne(web, dbEgressRule, "10.9.0.0/16").errorCode())
                .as("a rule of another group")
                .isEqualTo("InvalidSecurityGroupRuleId.NotFound");
        assertThat(modifyOne(web, ssh, "10.0.0.300/8").errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(ec2.call(
                                alice,
                                "ModifySecurityGroupRules",
                                "GroupId",
                                web,
                                "SecurityGroupRule.1.SecurityGroupRuleId",
                                ssh,
                                "SecurityGroupRule.1.SecurityGroupRule.IpProtocol",
                                "tcp",
                                "SecurityGroupRule.1.SecurityGroupRule.FromPort",
                                "443",
                                "SecurityGroupRule.1.SecurityGroupRule.ToPort",
                                "443",
                                "SecurityGroupRule.1.SecurityGroupRule.CidrIpv4",
                                "0.0.0.0/0")
                        .errorCode())
                .as("the same content as the https rule")
                .isEqualTo("InvalidPermission.Duplicate");
        Ec2ActionsFixture.Reply secondFails = ec2.call(
                alice,
                "ModifySecurityGroupRules",
                "GroupId",
                web,
                "SecurityGroupRule.1.SecurityGroupRuleId",
                ssh,
                "SecurityGroupRule.1.SecurityGroupRule.IpProtocol",
                "tcp",
                "SecurityGroupRule.1.SecurityGroupRule.FromPort",
                "23",
                "SecurityGroupRule.1.SecurityGroupRule.ToPort",
                "23",
                "SecurityGroupRule.1.SecurityGroupRule.CidrIpv4",
                "10.0.0.0/8",
                "SecurityGroupRule.2.SecurityGroupRuleId",
                https,
                "SecurityGroupRule.2.SecurityGroupRule.IpProtocol",
                "tcp",
                "SecurityGroupRule.2.SecurityGroupRule.FromPort",
                "443",
                "SecurityGroupRule.2.SecurityGroupRule.ToPort",
                "443",
                "SecurityGroupRule.2.SecurityGroupRule.CidrIpv4",
                "not-a-cidr");
        assertThat(secondFails.status()).isEqualTo(400);
        assertThat(secondFails.errorCode()).isEqualTo("InvalidParameterValue");

        assertThat(everyRule()).isEqualTo(rulesBefore);
        assertThat(fx.changesAfter(changesBefore)).isEmpty();
    }

    private Ec2ActionsFixture.Reply modifyOne(String groupId, String ruleId, String cidr) {
        return ec2.call(
                alice,
                "ModifySecurityGroupRules",
                "GroupId",
                groupId,
                "SecurityGroupRule.1.SecurityGroupRuleId",
                ruleId,
                "SecurityGroupRule.1.SecurityGroupRule.IpProtocol",
                "tcp",
                "SecurityGroupRule.1.SecurityGroupRule.FromPort",
                "22",
                "SecurityGroupRule.1.SecurityGroupRule.ToPort",
                "22",
                "SecurityGroupRule.1.SecurityGroupRule.CidrIpv4",
                cidr);
    }
}
