package io.weft.it.terraform;

import static io.weft.it.terraform.ReplayParams.of;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.it.terraform.Ec2QueryReplay.Answer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws_security_group} as the Terraform AWS provider (v5) drives it, from {@code
 * internal/service/ec2/vpc_security_group.go}, with {@code ingress} and {@code egress} blocks in the
 * configuration:
 *
 * <ul>
 *   <li>{@code resourceSecurityGroupCreate}: {@code CreateSecurityGroup} ({@code GroupDescription},
 *       {@code GroupName}, {@code TagSpecification.1} of type {@code security-group}, {@code VpcId});
 *       {@code waitSecurityGroupCreated} polls {@code findSecurityGroupByID} ({@code
 *       DescribeSecurityGroups GroupId.1}); then it revokes the default egress rule, {@code
 *       RevokeSecurityGroupEgress} with {@code IpProtocol=-1, FromPort=0, ToPort=0, CidrIp=0.0.0.0/0},
 *       and the same for {@code ::/0}, where {@code InvalidPermission.NotFound} is tolerated; then
 *       {@code resourceSecurityGroupUpdate}.
 *   <li>{@code resourceSecurityGroupUpdate}: {@code findSecurityGroupByID}, then {@code
 *       updateSecurityGroupRules} for ingress and for egress: {@code Revoke...} of the rules that went,
 *       {@code Authorize...} of the new ones, built by {@code expandIPPerms}, which leaves out the
 *       ports of protocol {@code -1}.
 *   <li>{@code resourceSecurityGroupRead}: {@code findSecurityGroupByID}, reading {@code
 *       ipPermissions}, {@code ipPermissionsEgress}, {@code ownerId}, {@code groupName}, {@code
 *       groupDescription}, {@code vpcId} and {@code tagSet}.
 *   <li>{@code resourceSecurityGroupDelete}: {@code deleteLingeringENIs} ({@code
 *       DescribeNetworkInterfaces} filter {@code group-id}), {@code DeleteSecurityGroup} ({@code
 *       InvalidGroup.NotFound} counts as gone), then {@code RetryUntilNotFound} on {@code
 *       findSecurityGroupByID}, whose paginator maps {@code InvalidGroup.NotFound} and {@code
 *       InvalidGroupId.NotFound} to "not found".
 * </ul>
 *
 * <p>{@code aws_security_group_rule} ({@code vpc_security_group_rule.go}): {@code
 * resourceSecurityGroupRuleCreate} reads the group ({@code findSecurityGroupByID}), sends {@code
 * AuthorizeSecurityGroupIngress}/{@code Egress} with one {@code IpPermissions.1}, and polls the
 * group until {@code findRuleMatch} finds the rule; {@code resourceSecurityGroupRuleRead} reads the
 * group and matches again (no match: gone); {@code resourceSecurityGroupRuleUpdate} sends {@code
 * UpdateSecurityGroupRuleDescriptionsIngress}; {@code resourceSecurityGroupRuleDelete} reads the
 * group and sends {@code RevokeSecurityGroupIngress} with the same permission, where {@code
 * InvalidPermission.NotFound} counts as gone.
 *
 * <p>{@code aws_vpc_security_group_ingress_rule} and {@code ..._egress_rule} ({@code
 * vpc_security_group_ingress_rule.go} and {@code vpc_security_group_egress_rule.go}, on the
 * shared {@code securityGroupRuleResource}): {@code Create}
 * sends {@code AuthorizeSecurityGroupIngress} with one {@code IpPermissions.1} and {@code
 * TagSpecification.1} of type {@code security-group-rule}, and takes the ID from {@code
 * securityGroupRuleSet}; {@code Read} is {@code findSecurityGroupIngressRuleByID} ({@code
 * DescribeSecurityGroupRules SecurityGroupRuleId.1}, {@code InvalidSecurityGroupRuleId.NotFound} as
 * gone, and a rule of the other direction as gone); {@code Update} is {@code ModifySecurityGroupRules}
 * with {@code SecurityGroupRule.1.SecurityGroupRule.*}; {@code Delete} is {@code
 * RevokeSecurityGroupIngress GroupId, SecurityGroupRuleId.1}, where {@code InvalidGroup.NotFound}
 * and {@code InvalidSecurityGroupRuleId.NotFound} count as gone.
 */
class AwsSecurityGroupReplayTest {
    private static final String GROUP_ITEM = "/DescribeSecurityGroupsResponse/securityGroupInfo/item";

    @TempDir
    static Path dataDir;

    private static AwsReplayServer weft;
    private static Ec2QueryReplay terraform;
    private static String vpc;

    @BeforeAll
    static void start() {
        weft = new AwsReplayServer(dataDir);
        terraform = weft.tenant("tf-sg");
        vpc = terraform
                .send(
                        "CreateVpc",
                        of(
                                "AmazonProvidedIpv6CidrBlock",
                                "false",
                                "CidrBlock",
                                "10.3.0.0/16",
                                "InstanceTenancy",
                                "default"))
                .requireOk()
                .text("/CreateVpcResponse/vpc/vpcId");
    }

    @AfterAll
    static void stop() {
        weft.close();
    }

    @Test
    void securityGroupWithManagedEgress() {
        // resourceSecurityGroupCreate
        String group = create("tf-web", "Managed by Terraform");
        assertThat(describe(group).count(GROUP_ITEM + "/ipPermissionsEgress/item"))
                .isZero();

        // resourceSecurityGroupUpdate from create: ingress 443/tcp from 10.0.0.0/8, egress all to 0.0.0.0/0
        describe(group);
        authorize("Ingress", group, "443", "10.0.0.0/8", "https");
        terraform
                .send(
                        "AuthorizeSecurityGroupEgress",
                        of(
                                "GroupId",
                                group,
                                "IpPermissions.1.IpProtocol",
                                "-1",
                                "IpPermissions.1.IpRanges.1.CidrIp",
                                "0.0.0.0/0"))
                .requireOk();

        Answer read = describe(group);
        assertThat(read.text(GROUP_ITEM + "/groupId")).isEqualTo(group);
        assertThat(read.text(GROUP_ITEM + "/groupName")).isEqualTo("tf-web");
        assertThat(read.text(GROUP_ITEM + "/groupDescription")).isEqualTo("Managed by Terraform");
        assertThat(read.text(GROUP_ITEM + "/vpcId")).isEqualTo(vpc);
        assertThat(read.text(GROUP_ITEM + "/ownerId")).matches("[0-9]{12}");
        assertThat(read.texts(GROUP_ITEM + "/tagSet/item/key")).containsExactly("Name");
        assertIngress(read, "443", "10.0.0.0/8", "https");
        String egress = GROUP_ITEM + "/ipPermissionsEgress/item";
        assertThat(read.count(egress)).isEqualTo(1);
        assertThat(read.text(egress + "/ipProtocol")).isEqualTo("-1");
        assertThat(read.text(egress + "/fromPort")).isNull();
        assertThat(read.text(egress + "/ipRanges/item/cidrIp")).isEqualTo("0.0.0.0/0");

        // resourceSecurityGroupUpdate: the ingress port changes from 443 to 8443
        describe(group);
        terraform
                .send(
                        "RevokeSecurityGroupIngress",
                        of(
                                "GroupId", group,
                                "IpPermissions.1.FromPort", "443",
                                "IpPermissions.1.IpProtocol", "tcp",
                                "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8",
                                "IpPermissions.1.IpRanges.1.Description", "https",
                                "IpPermissions.1.ToPort", "443"))
                .requireOk();
        authorize("Ingress", group, "8443", "10.0.0.0/8", "https");
        assertIngress(describe(group), "8443", "10.0.0.0/8", "https");

        // resourceSecurityGroupDelete
        deleteGroup(group);
    }

    @Test
    void securityGroupRuleResource() {
        String group = create("tf-rules", "rules live elsewhere");
        String peer = create("tf-peer", "referenced by a rule");

        // resourceSecurityGroupRuleCreate: ingress tcp 22 from a CIDR
        describe(group);
        authorize("Ingress", group, "22", "192.168.0.0/16", "ssh");
        assertIngress(describe(group), "22", "192.168.0.0/16", "ssh");
        // ... and egress tcp 5432 to another group (source_security_group_id)
        describe(group);
        Answer egress = terraform.send(
                "AuthorizeSecurityGroupEgress",
                of(
                        "GroupId", group,
                        "IpPermissions.1.FromPort", "5432",
                        "IpPermissions.1.Groups.1.GroupId", peer,
                        "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.ToPort", "5432"));
        assertThat(egress.ok()).as(egress.toString()).isTrue();
        assertThat(egress.text("/AuthorizeSecurityGroupEgressResponse/securityGroupRuleSet/item/securityGroupRuleId"))
                .startsWith("sgr-");
        Answer withEgress = describe(group);
        String pair = GROUP_ITEM + "/ipPermissionsEgress/item[fromPort='5432']/groups/item";
        assertThat(withEgress.text(pair + "/groupId")).isEqualTo(peer);
        assertThat(withEgress.text(pair + "/userId")).matches("[0-9]{12}");

        // resourceSecurityGroupRuleUpdate: the description changes
        describe(group);
        terraform
                .send(
                        "UpdateSecurityGroupRuleDescriptionsIngress",
                        of(
                                "GroupId", group,
                                "IpPermissions.1.FromPort", "22",
                                "IpPermissions.1.IpProtocol", "tcp",
                                "IpPermissions.1.IpRanges.1.CidrIp", "192.168.0.0/16",
                                "IpPermissions.1.IpRanges.1.Description", "ssh from the office",
                                "IpPermissions.1.ToPort", "22"))
                .requireOk();
        assertIngress(describe(group), "22", "192.168.0.0/16", "ssh from the office");

        // resourceSecurityGroupRuleDelete, then a refresh that finds no matching rule
        describe(group);
        var revoke = of(
                "GroupId", group,
                "IpPermissions.1.FromPort", "22",
                "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.IpRanges.1.CidrIp", "192.168.0.0/16",
                "IpPermissions.1.ToPort", "22");
        terraform.send("RevokeSecurityGroupIngress", revoke).requireOk();
        assertThat(describe(group).count(GROUP_ITEM + "/ipPermissions/item")).isZero();
        describe(group);
        terraform
                .send(
                        "RevokeSecurityGroupEgress",
                        of(
                                "GroupId", group,
                                "IpPermissions.1.FromPort", "5432",
                                "IpPermissions.1.Groups.1.GroupId", peer,
                                "IpPermissions.1.IpProtocol", "tcp",
                                "IpPermissions.1.ToPort", "5432"))
                .requireOk();
        assertThat(describe(group).count(GROUP_ITEM + "/ipPermissionsEgress/item[fromPort='5432']"))
                .isZero();

        deleteGroup(group);
        deleteGroup(peer);
    }

    @Test
    void vpcSecurityGroupIngressAndEgressRuleResources() {
        String group = create("tf-vpc-rules", "one rule per resource");

        // Create: one permission and the rule's tags
        Answer created = terraform.send(
                "AuthorizeSecurityGroupIngress",
                of(
                        "GroupId", group,
                        "IpPermissions.1.FromPort", "80",
                        "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/8",
                        "IpPermissions.1.IpRanges.1.Description", "http",
                        "IpPermissions.1.ToPort", "80",
                        "TagSpecification.1.ResourceType", "security-group-rule",
                        "TagSpecification.1.Tag.1.Key", "Name",
                        "TagSpecification.1.Tag.1.Value", "http-in"));
        assertThat(created.ok()).as(created.toString()).isTrue();
        String rule =
                created.text("/AuthorizeSecurityGroupIngressResponse/securityGroupRuleSet/item/securityGroupRuleId");
        assertThat(rule).matches("sgr-[0-9a-f]{17}");

        // Read: findSecurityGroupIngressRuleByID
        Answer read = readRule(rule);
        String item = "/DescribeSecurityGroupRulesResponse/securityGroupRuleSet/item";
        assertThat(read.text(item + "/securityGroupRuleId")).isEqualTo(rule);
        assertThat(read.text(item + "/groupId")).isEqualTo(group);
        assertThat(read.text(item + "/isEgress")).isEqualTo("false");
        assertThat(read.text(item + "/ipProtocol")).isEqualTo("tcp");
        assertThat(read.text(item + "/fromPort")).isEqualTo("80");
        assertThat(read.text(item + "/toPort")).isEqualTo("80");
        assertThat(read.text(item + "/cidrIpv4")).isEqualTo("10.0.0.0/8");
        assertThat(read.text(item + "/description")).isEqualTo("http");
        assertThat(read.texts(item + "/tagSet/item/value")).containsExactly("http-in");

        // Update: ModifySecurityGroupRules with the whole new rule
        terraform
                .send(
                        "ModifySecurityGroupRules",
                        of(
                                "GroupId", group,
                                "SecurityGroupRule.1.SecurityGroupRule.CidrIpv4", "10.0.0.0/8",
                                "SecurityGroupRule.1.SecurityGroupRule.Description", "http, moved",
                                "SecurityGroupRule.1.SecurityGroupRule.FromPort", "8080",
                                "SecurityGroupRule.1.SecurityGroupRule.IpProtocol", "tcp",
                                "SecurityGroupRule.1.SecurityGroupRule.ToPort", "8080",
                                "SecurityGroupRule.1.SecurityGroupRuleId", rule))
                .requireOk();
        Answer updated = readRule(rule);
        assertThat(updated.text(item + "/fromPort")).isEqualTo("8080");
        assertThat(updated.text(item + "/description")).isEqualTo("http, moved");

        // The egress sibling: protocol -1, whose ports read back as -1
        Answer egress = terraform.send(
                "AuthorizeSecurityGroupEgress",
                of(
                        "GroupId", group,
                        "IpPermissions.1.IpProtocol", "-1",
                        "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"));
        assertThat(egress.ok()).as(egress.toString()).isTrue();
        String egressRule =
                egress.text("/AuthorizeSecurityGroupEgressResponse/securityGroupRuleSet/item/securityGroupRuleId");
        Answer egressRead = readRule(egressRule);
        assertThat(egressRead.text(item + "/isEgress")).isEqualTo("true");
        assertThat(egressRead.text(item + "/ipProtocol")).isEqualTo("-1");
        assertThat(egressRead.text(item + "/fromPort")).isEqualTo("-1");
        assertThat(egressRead.text(item + "/toPort")).isEqualTo("-1");

        // Delete, then the refresh: the rule is gone with InvalidSecurityGroupRuleId.NotFound
        terraform
                .send("RevokeSecurityGroupIngress", of("GroupId", group, "SecurityGroupRuleId.1", rule))
                .requireOk();
        terraform
                .send("RevokeSecurityGroupEgress", of("GroupId", group, "SecurityGroupRuleId.1", egressRule))
                .requireOk();
        Answer gone = terraform.send("DescribeSecurityGroupRules", of("SecurityGroupRuleId.1", rule));
        assertThat(gone.errorCode()).as(gone.toString()).isEqualTo("InvalidSecurityGroupRuleId.NotFound");
        Answer again =
                terraform.send("RevokeSecurityGroupIngress", of("GroupId", group, "SecurityGroupRuleId.1", rule));
        assertThat(List.of("InvalidSecurityGroupRuleId.NotFound", "InvalidGroup.NotFound"))
                .as(again.toString())
                .contains(again.errorCode());

        deleteGroup(group);
    }

    private static String create(String name, String description) {
        Answer created = terraform
                .send(
                        "CreateSecurityGroup",
                        of(
                                "GroupDescription", description,
                                "GroupName", name,
                                "TagSpecification.1.ResourceType", "security-group",
                                "TagSpecification.1.Tag.1.Key", "Name",
                                "TagSpecification.1.Tag.1.Value", name,
                                "VpcId", vpc))
                .requireOk();
        String group = created.text("/CreateSecurityGroupResponse/groupId");
        assertThat(group).matches("sg-[0-9a-f]{17}");
        // waitSecurityGroupCreated
        assertThat(describe(group).count(GROUP_ITEM)).isEqualTo(1);
        // The default egress rule goes, for IPv4 and then for IPv6.
        Answer revokedV4 = terraform.send(
                "RevokeSecurityGroupEgress",
                of(
                        "GroupId", group,
                        "IpPermissions.1.FromPort", "0",
                        "IpPermissions.1.IpProtocol", "-1",
                        "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0",
                        "IpPermissions.1.ToPort", "0"));
        assertThat(revokedV4.ok()).as(revokedV4.toString()).isTrue();
        assertThat(revokedV4.text("/RevokeSecurityGroupEgressResponse/return")).isEqualTo("true");
        Answer revokedV6 = terraform.send(
                "RevokeSecurityGroupEgress",
                of(
                        "GroupId", group,
                        "IpPermissions.1.FromPort", "0",
                        "IpPermissions.1.IpProtocol", "-1",
                        "IpPermissions.1.Ipv6Ranges.1.CidrIpv6", "::/0",
                        "IpPermissions.1.ToPort", "0"));
        assertThat(revokedV6.ok() || "InvalidPermission.NotFound".equals(revokedV6.errorCode()))
                .as(revokedV6.toString())
                .isTrue();
        return group;
    }

    private static Answer describe(String group) {
        return terraform.send("DescribeSecurityGroups", of("GroupId.1", group)).requireOk();
    }

    private static Answer readRule(String rule) {
        return terraform
                .send("DescribeSecurityGroupRules", of("SecurityGroupRuleId.1", rule))
                .requireOk();
    }

    private static void authorize(String direction, String group, String port, String cidr, String description) {
        Answer answer = terraform.send(
                "AuthorizeSecurityGroup" + direction,
                of(
                        "GroupId", group,
                        "IpPermissions.1.FromPort", port,
                        "IpPermissions.1.IpProtocol", "tcp",
                        "IpPermissions.1.IpRanges.1.CidrIp", cidr,
                        "IpPermissions.1.IpRanges.1.Description", description,
                        "IpPermissions.1.ToPort", port));
        assertThat(answer.ok()).as(answer.toString()).isTrue();
        assertThat(answer.text("/AuthorizeSecurityGroup" + direction + "Response/return"))
                .isEqualTo("true");
    }

    /** What securityGroupIPPermGather and findRuleMatch read of the one ingress permission. */
    private static void assertIngress(Answer read, String port, String cidr, String description) {
        String ingress = GROUP_ITEM + "/ipPermissions/item";
        assertThat(read.count(ingress)).isEqualTo(1);
        assertThat(read.text(ingress + "/ipProtocol")).isEqualTo("tcp");
        assertThat(read.text(ingress + "/fromPort")).isEqualTo(port);
        assertThat(read.text(ingress + "/toPort")).isEqualTo(port);
        assertThat(read.text(ingress + "/ipRanges/item/cidrIp")).isEqualTo(cidr);
        assertThat(read.text(ingress + "/ipRanges/item/description")).isEqualTo(description);
    }

    /** resourceSecurityGroupDelete and the refresh after it. */
    private static void deleteGroup(String group) {
        Answer lingering = terraform
                .send("DescribeNetworkInterfaces", of("Filter.1.Name", "group-id", "Filter.1.Value.1", group))
                .requireOk();
        assertThat(lingering.count("/DescribeNetworkInterfacesResponse/networkInterfaceSet/item"))
                .isZero();
        terraform.send("DeleteSecurityGroup", of("GroupId", group)).requireOk();
        Answer gone = terraform.send("DescribeSecurityGroups", of("GroupId.1", group));
        assertThat(List.of("InvalidGroup.NotFound", "InvalidGroupId.NotFound"))
                .as(gone.toString())
                .contains(gone.errorCode());
        assertThat(terraform.send("DeleteSecurityGroup", of("GroupId", group)).errorCode())
                .isEqualTo("InvalidGroup.NotFound");
    }
}
