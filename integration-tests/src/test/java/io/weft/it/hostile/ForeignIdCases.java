package io.weft.it.hostile;

import io.weft.it.hostile.HostileCase.Answer;
import io.weft.it.hostile.HostileCase.Api;
import io.weft.it.hostile.HostileFixture.OtherTenant;
import io.weft.server.catalogue.SeededCatalogue;
import io.weft.testsupport.cloudstack.Params;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Another tenant's ids, sent by the first tenant to every command of both APIs that takes one.
 * Each must be answered exactly as an id that does not exist (same status, same code), so that no
 * answer tells a tenant that someone else's object is there: CloudStack answers both with 431
 * ("entity does not exist"), AWS with the kind's {@code .NotFound} code.
 */
final class ForeignIdCases {
    private static final String EC2_VERSION = "&Version=2016-11-15";
    private static final int EC2_HEX_DIGITS = 17;

    private ForeignIdCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(cloudStack());
        cases.addAll(ec2());
        return cases;
    }

    // --- CloudStack ------------------------------------------------------------------------------

    private static List<HostileCase> cloudStack() {
        List<HostileCase> cases = new ArrayList<>();
        Function<HostileFixture, String> network = f -> f.otherTenant().network();
        Function<HostileFixture, String> group = f -> f.otherTenant().group();
        Function<HostileFixture, String> rule = f -> f.otherTenant().rule();
        Function<HostileFixture, String> vm = f -> f.otherTenant().vm();
        Function<HostileFixture, String> nic = f -> f.otherTenant().nic();

        cases.add(cs("network", network, "deleteNetwork", (f, id) -> Params.of("id", id)));
        cases.add(cs("network", network, "updateNetwork", (f, id) -> Params.of("id", id)
                .and("name", "mine")));
        cases.add(csList("network", network, "listNetworks", (f, id) -> Params.of("id", id)));
        cases.add(cs("network", network, "deployVirtualMachine", (f, id) -> deploy(f, id, f.groupId())));
        cases.add(cs("network", network, "addNicToVirtualMachine", (f, id) -> Params.of("virtualmachineid", f.vmId())
                .and("networkid", id)));
        cases.add(cs("network", network, "createTags", (f, id) -> tag(id, "Network")));
        cases.add(cs("network", network, "deleteTags", (f, id) -> Params.of("resourceids", id)
                .and("resourcetype", "Network")));

        cases.add(cs("group", group, "deleteSecurityGroup", (f, id) -> Params.of("id", id)));
        cases.add(cs("group", group, "updateSecurityGroup", (f, id) -> Params.of("id", id)
                .and("name", "mine")));
        cases.add(csList("group", group, "listSecurityGroups", (f, id) -> Params.of("id", id)));
        cases.add(cs("group", group, "authorizeSecurityGroupIngress", (f, id) -> openRule(id)));
        cases.add(cs("group", group, "authorizeSecurityGroupEgress", (f, id) -> openRule(id)));
        cases.add(cs("group", group, "deployVirtualMachine", (f, id) -> deploy(f, f.networkId(), id)));
        cases.add(cs("group", group, "createTags", (f, id) -> tag(id, "SecurityGroup")));

        cases.add(cs("ingress rule", rule, "revokeSecurityGroupIngress", (f, id) -> Params.of("id", id)));
        cases.add(cs("ingress rule", rule, "revokeSecurityGroupEgress", (f, id) -> Params.of("id", id)));

        cases.add(cs("VM", vm, "destroyVirtualMachine", (f, id) -> Params.of("id", id)));
        cases.add(cs("VM", vm, "startVirtualMachine", (f, id) -> Params.of("id", id)));
        cases.add(cs("VM", vm, "stopVirtualMachine", (f, id) -> Params.of("id", id)));
        cases.add(cs("VM", vm, "rebootVirtualMachine", (f, id) -> Params.of("id", id)));
        cases.add(cs(
                "VM", vm, "updateVirtualMachine", (f, id) -> Params.of("id", id).and("displayname", "mine")));
        cases.add(csList("VM", vm, "listVirtualMachines", (f, id) -> Params.of("id", id)));
        cases.add(cs("VM", vm, "listNics", (f, id) -> Params.of("virtualmachineid", id)));
        cases.add(cs("VM", vm, "addNicToVirtualMachine", (f, id) -> Params.of("virtualmachineid", id)
                .and("networkid", f.networkId())));
        cases.add(cs("VM", vm, "createTags", (f, id) -> tag(id, "UserVm")));

        cases.add(cs("NIC", nic, "removeNicFromVirtualMachine", (f, id) -> Params.of("virtualmachineid", f.vmId())
                .and("nicid", id)));
        cases.add(csList("NIC", nic, "listNics", (f, id) -> Params.of("virtualmachineid", f.vmId())
                .and("nicid", id)));
        return cases;
    }

    private static Params deploy(HostileFixture f, String networkId, String groupId) {
        return Params.of("zoneid", f.zoneId())
                .and("serviceofferingid", SeededCatalogue.SMALL_INSTANCE.toString())
                .and("templateid", SeededCatalogue.UBUNTU_TEMPLATE.toString())
                .and("networkids", networkId)
                .and("securitygroupids", groupId)
                .and("name", "stolen");
    }

    private static Params openRule(String groupId) {
        return Params.of("securitygroupid", groupId)
                .and("protocol", "TCP")
                .and("startport", "1")
                .and("endport", "65535")
                .and("cidrlist", "0.0.0.0/0");
    }

    private static Params tag(String id, String type) {
        return Params.of("resourceids", id)
                .and("resourcetype", type)
                .and("tags[0].key", "owner")
                .and("tags[0].value", "mallory");
    }

    /**
     * A list filtered by an id answers as for an id that matches nothing: 200 with an empty list
     * (CloudStack answers 431 there; Weft answers as jclouds expects, API-COMPAT 1.6).
     */
    private static HostileCase csList(
            String kind,
            Function<HostileFixture, String> foreignId,
            String command,
            BiFunction<HostileFixture, String, Params> params) {
        HostileCase refused = cs(kind, foreignId, command, params);
        return new HostileCase(refused.name(), Api.CLOUDSTACK, refused.request(), 200, "");
    }

    private static HostileCase cs(
            String kind,
            Function<HostileFixture, String> foreignId,
            String command,
            BiFunction<HostileFixture, String, Params> params) {
        return new HostileCase(
                "another tenant's " + kind + " id in " + command,
                Api.CLOUDSTACK,
                f -> sameAsUnknown(
                        id -> HostileFixture.cloudStack(f.tenantCloudStack(), command, params.apply(f, id)),
                        foreignId.apply(f),
                        UUID.randomUUID().toString()),
                431,
                "431");
    }

    // --- EC2 -------------------------------------------------------------------------------------

    private static List<HostileCase> ec2() {
        List<HostileCase> cases = new ArrayList<>();
        Function<OtherTenant, String> vpc = OtherTenant::vpc;
        Function<OtherTenant, String> subnet = OtherTenant::subnet;
        Function<OtherTenant, String> group = OtherTenant::ec2Group;
        Function<OtherTenant, String> rule = OtherTenant::ec2Rule;
        Function<OtherTenant, String> eni = OtherTenant::eni;
        String vpcGone = "InvalidVpcID.NotFound";
        String subnetGone = "InvalidSubnetID.NotFound";
        String groupGone = "InvalidGroup.NotFound";
        String ruleGone = "InvalidSecurityGroupRuleId.NotFound";
        String eniGone = "InvalidNetworkInterfaceID.NotFound";

        cases.add(ec2("VPC", vpc, "vpc", vpcGone, "DescribeVpcs", (f, id) -> "Action=DescribeVpcs&VpcId.1=" + id));
        cases.add(ec2("VPC", vpc, "vpc", vpcGone, "DeleteVpc", (f, id) -> "Action=DeleteVpc&VpcId=" + id));
        cases.add(ec2(
                "VPC",
                vpc,
                "vpc",
                vpcGone,
                "CreateSubnet",
                (f, id) -> "Action=CreateSubnet&VpcId=" + id + "&CidrBlock=10.2.9.0%2F24"));
        cases.add(ec2(
                "VPC",
                vpc,
                "vpc",
                vpcGone,
                "CreateSecurityGroup",
                (f, id) -> "Action=CreateSecurityGroup&GroupName=in-theirs" + "&GroupDescription=d&VpcId=" + id));
        cases.add(ec2(
                "VPC",
                vpc,
                "vpc",
                vpcGone,
                "DescribeVpcAttribute",
                (f, id) -> "Action=DescribeVpcAttribute&VpcId=" + id + "&Attribute=enableDnsSupport"));
        cases.add(ec2(
                "VPC",
                vpc,
                "vpc",
                vpcGone,
                "ModifyVpcAttribute",
                (f, id) -> "Action=ModifyVpcAttribute&VpcId=" + id + "&EnableDnsSupport.Value=false"));
        cases.add(ec2("VPC", vpc, "vpc", vpcGone, "CreateTags", (f, id) -> createTags(id)));
        cases.add(ec2("VPC", vpc, "vpc", vpcGone, "DeleteTags", (f, id) -> deleteTags(id)));

        cases.add(ec2(
                "subnet",
                subnet,
                "subnet",
                subnetGone,
                "DescribeSubnets",
                (f, id) -> "Action=DescribeSubnets&SubnetId.1=" + id));
        cases.add(ec2(
                "subnet",
                subnet,
                "subnet",
                subnetGone,
                "DeleteSubnet",
                (f, id) -> "Action=DeleteSubnet&SubnetId=" + id));
        cases.add(ec2(
                "subnet",
                subnet,
                "subnet",
                subnetGone,
                "CreateNetworkInterface",
                (f, id) -> "Action=CreateNetworkInterface&SubnetId=" + id));
        cases.add(ec2(
                "subnet",
                subnet,
                "subnet",
                subnetGone,
                "ModifySubnetAttribute",
                (f, id) -> "Action=ModifySubnetAttribute&SubnetId=" + id + "&MapPublicIpOnLaunch.Value=true"));
        cases.add(ec2("subnet", subnet, "subnet", subnetGone, "CreateTags", (f, id) -> createTags(id)));

        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "DescribeSecurityGroups",
                (f, id) -> "Action=DescribeSecurityGroups&GroupId.1=" + id));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "DeleteSecurityGroup",
                (f, id) -> "Action=DeleteSecurityGroup&GroupId=" + id));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "AuthorizeSecurityGroupIngress",
                (f, id) -> permission("AuthorizeSecurityGroupIngress", id)));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "AuthorizeSecurityGroupEgress",
                (f, id) -> permission("AuthorizeSecurityGroupEgress", id)));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "RevokeSecurityGroupIngress",
                (f, id) -> permission("RevokeSecurityGroupIngress", id)));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "RevokeSecurityGroupEgress",
                (f, id) -> permission("RevokeSecurityGroupEgress", id)));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "UpdateSecurityGroupRuleDescriptionsIngress",
                (f, id) -> permission("UpdateSecurityGroupRuleDescriptionsIngress", id)
                        + "&IpPermissions.1.IpRanges.1.Description=mine"));
        cases.add(ec2(
                "group as a rule's source",
                group,
                "sg",
                groupGone,
                "AuthorizeSecurityGroupIngress",
                (f, id) -> "Action=AuthorizeSecurityGroupIngress&GroupId=" + f.ec2GroupId()
                        + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.ToPort=22"
                        + "&IpPermissions.1.Groups.1.GroupId=" + id));
        cases.add(ec2(
                "group",
                group,
                "sg",
                groupGone,
                "CreateNetworkInterface",
                (f, id) -> "Action=CreateNetworkInterface&SubnetId=" + f.subnetId() + "&SecurityGroupId.1=" + id));
        cases.add(ec2("group", group, "sg", groupGone, "CreateTags", (f, id) -> createTags(id)));

        cases.add(ec2(
                "rule",
                rule,
                "sgr",
                ruleGone,
                "DescribeSecurityGroupRules",
                (f, id) -> "Action=DescribeSecurityGroupRules" + "&SecurityGroupRuleId.1=" + id));
        cases.add(ec2(
                "rule",
                rule,
                "sgr",
                ruleGone,
                "RevokeSecurityGroupIngress",
                (f, id) -> "Action=RevokeSecurityGroupIngress&GroupId=" + f.ec2GroupId() + "&SecurityGroupRuleId.1="
                        + id));
        cases.add(ec2(
                "rule",
                rule,
                "sgr",
                ruleGone,
                "ModifySecurityGroupRules",
                (f, id) -> "Action=ModifySecurityGroupRules&GroupId="
                        + f.ec2GroupId() + "&SecurityGroupRule.1.SecurityGroupRuleId=" + id
                        + "&SecurityGroupRule.1.SecurityGroupRule.IpProtocol=tcp"
                        + "&SecurityGroupRule.1.SecurityGroupRule.FromPort=1&SecurityGroupRule.1.SecurityGroupRule.ToPort=2"
                        + "&SecurityGroupRule.1.SecurityGroupRule.CidrIpv4=0.0.0.0%2F0"));

        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "DescribeNetworkInterfaces",
                (f, id) -> "Action=DescribeNetworkInterfaces" + "&NetworkInterfaceId.1=" + id));
        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "DeleteNetworkInterface",
                (f, id) -> "Action=DeleteNetworkInterface" + "&NetworkInterfaceId=" + id));
        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "AttachNetworkInterface",
                (f, id) -> "Action=AttachNetworkInterface" + "&NetworkInterfaceId=" + id + "&InstanceId="
                        + f.ec2InstanceId() + "&DeviceIndex=3"));
        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "ModifyNetworkInterfaceAttribute",
                (f, id) -> "Action=ModifyNetworkInterfaceAttribute" + "&NetworkInterfaceId=" + id
                        + "&SecurityGroupId.1=" + f.ec2GroupId()));
        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "AssignPrivateIpAddresses",
                (f, id) -> "Action=AssignPrivateIpAddresses" + "&NetworkInterfaceId=" + id
                        + "&SecondaryPrivateIpAddressCount=1"));
        cases.add(ec2(
                "interface",
                eni,
                "eni",
                eniGone,
                "UnassignPrivateIpAddresses",
                (f, id) -> "Action=UnassignPrivateIpAddresses" + "&NetworkInterfaceId=" + id
                        + "&PrivateIpAddress.1=10.2.1.9"));
        cases.add(ec2("interface", eni, "eni", eniGone, "CreateTags", (f, id) -> createTags(id)));
        return cases;
    }

    private static String permission(String action, String groupId) {
        return "Action=" + action + "&GroupId=" + groupId
                + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=443&IpPermissions.1.ToPort=443"
                + "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8";
    }

    private static String createTags(String id) {
        return "Action=CreateTags&ResourceId.1=" + id + "&Tag.1.Key=owner&Tag.1.Value=mallory";
    }

    private static String deleteTags(String id) {
        return "Action=DeleteTags&ResourceId.1=" + id + "&Tag.1.Key=owner";
    }

    private static HostileCase ec2(
            String kind,
            Function<OtherTenant, String> foreignId,
            String prefix,
            String code,
            String action,
            BiFunction<HostileFixture, String, String> form) {
        return new HostileCase(
                "another tenant's " + kind + " id in " + action,
                Api.EC2,
                f -> sameAsUnknown(
                        id -> f.ec2(form.apply(f, id) + EC2_VERSION),
                        foreignId.apply(f.otherTenant()),
                        randomEc2Id(prefix)),
                400,
                code);
    }

    private static String randomEc2Id(String prefix) {
        byte[] random = new byte[EC2_HEX_DIGITS];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random).substring(0, EC2_HEX_DIGITS);
    }

    /**
     * The answer to the other tenant's id, provided it has the status and code of the answer to an
     * unknown id; otherwise an answer that fails every expectation and says how they differ.
     */
    private static Answer sameAsUnknown(Function<String, Answer> send, String foreignId, String unknownId) {
        Answer unknown = send.apply(unknownId);
        Answer foreign = send.apply(foreignId);
        if (foreign.status() != unknown.status() || !foreign.code().equals(unknown.code())) {
            return new Answer(
                    -1,
                    "differs from an unknown id's " + unknown.status() + " " + unknown.code(),
                    foreign.status() + " " + foreign.code() + ": " + foreign.body());
        }
        return foreign;
    }
}
