package io.weft.it.hostile;

import io.weft.it.hostile.HostileCase.Api;
import io.weft.testsupport.cloudstack.Params;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed and out-of-range values for the fields both APIs validate: CIDRs, ports, ICMP types
 * and codes, protocols, names, ids, numbers; missing, repeated and conflicting parameters; quotas
 * and objects in use. CloudStack refuses a bad value with 431 (InvalidParameterValueException or
 * a parameter that does not parse) and uses 532 for a resource limit and 536 for an object in use;
 * AWS answers with InvalidParameterValue, the kind's {@code .Malformed} code, MissingParameter,
 * DependencyViolation and the {@code *LimitExceeded} codes.
 */
final class MalformedValueCases {
    private static final String EC2_VERSION = "&Version=2016-11-15";

    /** CIDRs no API accepts, with why. */
    static final List<String[]> BAD_CIDRS = List.of(
            new String[] {"a prefix of -1", "10.0.0.0/-1"},
            new String[] {"a prefix of 99", "10.0.0.0/99"},
            new String[] {"an octet of 256", "256.0.0.0/8"},
            new String[] {"three octets", "10.0.0/8"},
            new String[] {"five octets", "10.0.0.0.0/8"},
            new String[] {"two prefixes", "10.0.0.0/8/8"},
            new String[] {"an empty prefix", "10.0.0.0/"},
            new String[] {"no address", "/8"},
            new String[] {"a word", "anywhere"},
            new String[] {"a space inside", "10.0.0.0 /8"},
            new String[] {"a negative octet", "10.-1.0.0/16"},
            new String[] {"a hex octet", "0x0a.0.0.0/8"},
            new String[] {"an IPv6 prefix of 129 in an IPv4 field", "::/129"},
            new String[] {"a shell command", "10.0.0.0/8;reboot"},
            new String[] {"an SQL quote", "10.0.0.0/8' OR '1'='1"},
            new String[] {"a full-width digit", "１0.0.0.0/8"});

    /** Port pairs no API accepts for TCP or UDP. */
    static final List<String[]> BAD_PORTS = List.of(
            new String[] {"65536", "65536"},
            new String[] {"-2", "22"},
            new String[] {"22", "-2"},
            new String[] {"99999999999", "99999999999"},
            new String[] {"22abc", "22"},
            new String[] {"0x16", "0x16"},
            new String[] {"2.5", "3"},
            new String[] {"1e3", "1e3"},
            new String[] {"443", "80"});

    /** Protocols that are neither a name both APIs know nor a number 0-255. */
    static final List<String> BAD_PROTOCOLS = List.of("tcpx", "256", "-2", "tcp;drop", "ip protocol", "1.5");

    private MalformedValueCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(cloudStack());
        cases.addAll(ec2());
        return cases;
    }

    // --- CloudStack ------------------------------------------------------------------------------

    private static List<HostileCase> cloudStack() {
        List<HostileCase> cases = new ArrayList<>();
        for (String[] cidr : BAD_CIDRS) {
            cases.add(cs431("an ingress CIDR with " + cidr[0], "authorizeSecurityGroupIngress", f -> tcp(f, "80", "80")
                    .and("cidrlist", cidr[1])));
            cases.add(cs431("an egress CIDR with " + cidr[0], "authorizeSecurityGroupEgress", f -> tcp(f, "80", "80")
                    .and("cidrlist", cidr[1])));
        }
        cases.add(cs431("a good CIDR followed by a bad one", "authorizeSecurityGroupIngress", f -> tcp(f, "80", "80")
                .and("cidrlist", "10.0.0.0/8,10.0.0.0/33")));
        cases.add(cs431("an empty item in a CIDR list", "authorizeSecurityGroupIngress", f -> tcp(f, "80", "80")
                .and("cidrlist", "10.0.0.0/8,,192.168.0.0/16")));
        for (String[] ports : BAD_PORTS) {
            for (String protocol : List.of("TCP", "UDP")) {
                cases.add(cs431(
                        protocol + " ports " + ports[0] + " to " + ports[1],
                        "authorizeSecurityGroupIngress",
                        f -> rule(f, protocol).and("startport", ports[0]).and("endport", ports[1])));
            }
        }
        for (String[] icmp : List.of(
                new String[] {"256", "0"},
                new String[] {"-2", "0"},
                new String[] {"8", "16"},
                new String[] {"8", "-2"},
                new String[] {"echo", "0"},
                new String[] {"8", "zero"})) {
            cases.add(cs431(
                    "ICMP type " + icmp[0] + " code " + icmp[1],
                    "authorizeSecurityGroupIngress",
                    f -> rule(f, "ICMP").and("icmptype", icmp[0]).and("icmpcode", icmp[1])));
        }
        for (String protocol : BAD_PROTOCOLS) {
            cases.add(cs431("the protocol " + protocol, "authorizeSecurityGroupIngress", f -> rule(f, protocol)
                    .and("startport", "80")
                    .and("endport", "80")));
        }
        cases.add(
                cs431("more CIDRs than a group may have rules", "authorizeSecurityGroupIngress", f -> tcp(f, "80", "80")
                                .and("cidrlist", manyCidrs(61)))
                        .withCode(532));
        // names and ids
        cases.add(cs431(
                "a group name of 256 characters", "createSecurityGroup", f -> Params.of("name", "g".repeat(256))));
        cases.add(cs431("a group name that is empty", "createSecurityGroup", f -> Params.of("name", "")));
        cases.add(cs431("a group named default", "createSecurityGroup", f -> Params.of("name", "default")));
        cases.add(cs431("a group name already taken", "createSecurityGroup", f -> Params.of("name", "web")));
        cases.add(cs431("a network name of 256 characters", "createNetwork", f -> network(f, "n".repeat(256))));
        cases.add(cs431("a network name with a NUL", "createNetwork", f -> network(f, "a\0b")));
        cases.add(cs431("a network gateway outside its netmask", "createNetwork", f -> network(f, "odd")
                .and("gateway", "10.40.0.1")
                .and("netmask", "255.255.255.257")));
        cases.add(cs431("a network netmask that is not contiguous", "createNetwork", f -> network(f, "odd")
                .and("gateway", "10.40.0.1")
                .and("netmask", "255.0.255.0")));
        cases.add(cs431("a VM display name of 256 characters", "updateVirtualMachine", f -> Params.of("id", f.vmId())
                .and("displayname", "d".repeat(256))));
        cases.add(cs431("a VM name with a space", "updateVirtualMachine", f -> Params.of("id", f.vmId())
                .and("name", "web front")));
        cases.add(cs431("a VM name with a shell metacharacter", "updateVirtualMachine", f -> Params.of("id", f.vmId())
                .and("name", "web;reboot")));
        cases.add(cs431("a VM name starting with a digit", "updateVirtualMachine", f -> Params.of("id", f.vmId())
                .and("name", "1web")));
        cases.add(cs431("a VM name of 64 characters", "updateVirtualMachine", f -> Params.of("id", f.vmId())
                .and("name", "v".repeat(64))));
        for (String[] id : List.of(
                new String[] {"a number", "12345"},
                new String[] {"a word", "web"},
                new String[] {"an empty value", ""},
                new String[] {"a uuid with a trailing NUL", "00000000-0000-0000-0000-000000000000\0"},
                new String[] {"an SQL quote", "' OR '1'='1"},
                new String[] {"a uuid in braces", "{6f1e3a4c-0d2b-4c8e-9a57-1b2c3d4e5f60}"})) {
            cases.add(cs431("a network id that is " + id[0], "deleteNetwork", f -> Params.of("id", id[1])));
            cases.add(cs431("a group id that is " + id[0], "deleteSecurityGroup", f -> Params.of("id", id[1])));
            cases.add(cs431("a VM id that is " + id[0], "stopVirtualMachine", f -> Params.of("id", id[1])));
        }
        // wrong types, missing, repeated and conflicting parameters
        cases.add(cs431("a page that is not a number", "listNetworks", f -> Params.of("page", "one")
                .and("pagesize", "10")));
        cases.add(cs431("a page size that is not a number", "listNetworks", f -> Params.of("page", "1")
                .and("pagesize", "ten")));
        cases.add(cs431("a page without a page size", "listSecurityGroups", f -> Params.of("page", "1")));
        cases.add(cs431("a page size without a page", "listSecurityGroups", f -> Params.of("pagesize", "10")));
        cases.add(cs431("page size -1 with a page", "listVirtualMachines", f -> Params.of("page", "2")
                .and("pagesize", "-1")));
        cases.add(cs431(
                "page 0", "listVirtualMachines", f -> Params.of("page", "0").and("pagesize", "10")));
        cases.add(cs431("a page size of -5", "listVirtualMachines", f -> Params.of("page", "1")
                .and("pagesize", "-5")));
        cases.add(cs431(
                "createSecurityGroup without a name",
                "createSecurityGroup",
                f -> Params.of("description", "nameless")));
        cases.add(cs431("deleteNetwork without an id", "deleteNetwork", f -> Params.none()));
        cases.add(cs431("revokeSecurityGroupIngress without an id", "revokeSecurityGroupIngress", f -> Params.none()));
        cases.add(cs431(
                "updateVirtualMachine without an id", "updateVirtualMachine", f -> Params.of("displayname", "x")));
        cases.add(
                cs431("an ingress rule for no group", "authorizeSecurityGroupIngress", f -> Params.of("protocol", "TCP")
                        .and("startport", "80")
                        .and("endport", "80")
                        .and("cidrlist", "10.0.0.0/8")));
        cases.add(cs431(
                "an ingress rule naming a group by id and by another name", "authorizeSecurityGroupIngress", f -> tcp(
                                f, "80", "80")
                        .and("securitygroupname", "no-such-group")
                        .and("cidrlist", "10.0.0.0/8")));
        cases.add(cs431(
                "an ingress rule with a start port and no end port on ICMP",
                "authorizeSecurityGroupIngress",
                f -> rule(f, "ICMP").and("startport", "80").and("icmptype", "8").and("icmpcode", "0")));
        cases.add(cs431("a source group pair without an account", "authorizeSecurityGroupIngress", f -> rule(f, "TCP")
                .and("startport", "80")
                .and("endport", "80")
                .and("usersecuritygrouplist[0].group", "web")));
        cases.add(cs431(
                "a source group pair naming a group that does not exist", "authorizeSecurityGroupIngress", f -> rule(
                                f, "TCP")
                        .and("startport", "80")
                        .and("endport", "80")
                        .and("usersecuritygrouplist[0].account", "mallory")
                        .and("usersecuritygrouplist[0].group", "nonesuch")));
        cases.add(cs431("a tag without a key", "createTags", f -> Params.of("resourceids", f.networkId())
                .and("resourcetype", "Network")
                .and("tags[0].value", "v")));
        cases.add(cs431("a tag on an unknown resource type", "createTags", f -> Params.of("resourceids", f.networkId())
                .and("resourcetype", "Spaceship")
                .and("tags[0].key", "k")
                .and("tags[0].value", "v")));
        cases.add(cs431("a tag on a network named as a VM", "createTags", f -> Params.of("resourceids", f.networkId())
                .and("resourcetype", "UserVm")
                .and("tags[0].key", "k")
                .and("tags[0].value", "v")));
        cases.add(cs431("a tag key of 256 characters", "createTags", f -> Params.of("resourceids", f.networkId())
                .and("resourcetype", "Network")
                .and("tags[0].key", "k".repeat(256))
                .and("tags[0].value", "v")));
        cases.add(cs431("a tag value of 256 characters", "createTags", f -> Params.of("resourceids", f.networkId())
                .and("resourcetype", "Network")
                .and("tags[0].key", "k")
                .and("tags[0].value", "v".repeat(256))));
        // objects in use
        cases.add(cs431("deleting a group its VM uses", "deleteSecurityGroup", f -> Params.of("id", f.groupId()))
                .withCode(536));
        cases.add(cs431("deleting a network with a VM", "deleteNetwork", f -> Params.of("id", f.networkId()))
                .withCode(536));
        cases.add(cs431("deleting the default group", "deleteSecurityGroup", f -> Params.of("name", "default")));
        cases.add(cs431(
                "removing a VM's only NIC", "removeNicFromVirtualMachine", f -> Params.of("virtualmachineid", f.vmId())
                        .and("nicid", f.nicId())));
        cases.add(cs431("a second NIC on a network the VM is already on", "addNicToVirtualMachine", f -> Params.of(
                                "virtualmachineid", f.vmId())
                        .and("networkid", f.networkId()))
                .withCode(530));
        return cases;
    }

    private static String manyCidrs(int count) {
        return IntStream.range(0, count).mapToObj(i -> "10." + i + ".0.0/16").collect(Collectors.joining(","));
    }

    private static Params rule(HostileFixture f, String protocol) {
        return Params.of("securitygroupid", f.groupId())
                .and("protocol", protocol)
                .and("cidrlist", "10.0.0.0/8");
    }

    private static Params tcp(HostileFixture f, String start, String end) {
        return Params.of("securitygroupid", f.groupId())
                .and("protocol", "TCP")
                .and("startport", start)
                .and("endport", end);
    }

    private static Params network(HostileFixture f, String name) {
        return Params.of("name", name)
                .and("zoneid", f.zoneId())
                .and("networkofferingid", f.offeringId())
                .and("gateway", "10.50.0.1")
                .and("netmask", "255.255.255.0");
    }

    private static HostileCase cs431(String name, String command, Function<HostileFixture, Params> params) {
        return new HostileCase(
                name + " (" + command + ")",
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(f.tenantCloudStack(), command, params.apply(f)),
                431,
                "431");
    }

    // --- EC2 -------------------------------------------------------------------------------------

    private static List<HostileCase> ec2() {
        List<HostileCase> cases = new ArrayList<>();
        for (String[] cidr : BAD_CIDRS) {
            cases.add(ec2(
                    "an ingress CidrIp with " + cidr[0],
                    "InvalidParameterValue",
                    f -> permission(
                            f,
                            "AuthorizeSecurityGroupIngress",
                            "tcp",
                            "80",
                            "80",
                            "IpRanges.1.CidrIp=" + enc(cidr[1]))));
            cases.add(ec2(
                    "an egress CidrIp with " + cidr[0],
                    "InvalidParameterValue",
                    f -> permission(
                            f,
                            "AuthorizeSecurityGroupEgress",
                            "tcp",
                            "80",
                            "80",
                            "IpRanges.1.CidrIp=" + enc(cidr[1]))));
            cases.add(ec2(
                    "a VPC CidrBlock with " + cidr[0],
                    "InvalidParameterValue",
                    f -> "Action=CreateVpc&CidrBlock=" + enc(cidr[1])));
            cases.add(ec2(
                    "a subnet CidrBlock with " + cidr[0],
                    "InvalidParameterValue",
                    f -> "Action=CreateSubnet&VpcId=" + f.vpcId() + "&CidrBlock=" + enc(cidr[1])));
        }
        for (String[] cidr : List.of(
                new String[] {"a prefix of 129", "2001:db8::/129"},
                new String[] {"a group of five digits", "2001:db8:12345::/64"},
                new String[] {"two double colons", "2001::db8::/64"},
                new String[] {"no prefix", "2001:db8::"},
                new String[] {"an IPv4 tail", "::ffff:10.0.0.0.1/128"})) {
            cases.add(ec2(
                    "a CidrIpv6 with " + cidr[0],
                    "InvalidParameterValue",
                    f -> permission(
                            f,
                            "AuthorizeSecurityGroupIngress",
                            "tcp",
                            "80",
                            "80",
                            "Ipv6Ranges.1.CidrIpv6=" + enc(cidr[1]))));
        }
        for (String[] ports : BAD_PORTS) {
            for (String protocol : List.of("tcp", "udp")) {
                cases.add(ec2(
                        protocol + " ports " + ports[0] + " to " + ports[1],
                        "InvalidParameterValue",
                        f -> permission(
                                f,
                                "AuthorizeSecurityGroupIngress",
                                protocol,
                                ports[0],
                                ports[1],
                                "IpRanges.1.CidrIp=10.0.0.0%2F8")));
            }
        }
        for (String[] icmp : List.of(
                new String[] {"256", "0"},
                new String[] {"-2", "0"},
                new String[] {"8", "256"},
                new String[] {"8", "-2"},
                new String[] {"echo", "0"})) {
            cases.add(ec2(
                    "ICMP type " + icmp[0] + " code " + icmp[1],
                    "InvalidParameterValue",
                    f -> permission(
                            f,
                            "AuthorizeSecurityGroupIngress",
                            "icmp",
                            icmp[0],
                            icmp[1],
                            "IpRanges.1.CidrIp=10.0.0.0%2F8")));
        }
        for (String protocol : BAD_PROTOCOLS) {
            cases.add(ec2(
                    "the protocol " + protocol,
                    "InvalidParameterValue",
                    f -> permission(
                            f,
                            "AuthorizeSecurityGroupIngress",
                            enc(protocol),
                            "80",
                            "80",
                            "IpRanges.1.CidrIp=10.0.0.0%2F8")));
        }
        cases.add(ec2(
                "more ranges than a group may have rules",
                "RulesPerSecurityGroupLimitExceeded",
                f -> permission(f, "AuthorizeSecurityGroupIngress", "tcp", "80", "80", manyRanges(61))));
        cases.add(ec2(
                "a rule the group already has",
                "InvalidPermission.Duplicate",
                f -> permission(
                        f, "AuthorizeSecurityGroupIngress", "tcp", "22", "22", "IpRanges.1.CidrIp=10.0.0.0%2F8")));
        cases.add(ec2(
                "the same range twice in one request",
                "InvalidPermission.Duplicate",
                f -> permission(
                        f,
                        "AuthorizeSecurityGroupIngress",
                        "tcp",
                        "23",
                        "23",
                        "IpRanges.1.CidrIp=10.0.0.0%2F8&IpPermissions.1.IpRanges.2.CidrIp=10.0.0.0%2F8")));
        cases.add(ec2(
                "revoking a rule the group does not have",
                "InvalidPermission.NotFound",
                f -> permission(
                        f, "RevokeSecurityGroupIngress", "tcp", "9999", "9999", "IpRanges.1.CidrIp=10.0.0.0%2F8")));
        // VPCs and subnets
        cases.add(ec2("a VPC of /8", "InvalidVpc.Range", f -> "Action=CreateVpc&CidrBlock=10.0.0.0%2F8"));
        cases.add(ec2("a VPC of /29", "InvalidVpc.Range", f -> "Action=CreateVpc&CidrBlock=10.0.0.0%2F29"));
        cases.add(ec2("a VPC without a CidrBlock", "MissingParameter", f -> "Action=CreateVpc"));
        cases.add(ec2(
                "a subnet of /29",
                "InvalidSubnet.Range",
                f -> "Action=CreateSubnet&VpcId=" + f.vpcId() + "&CidrBlock=10.1.2.0%2F29"));
        cases.add(ec2(
                "a subnet overlapping another",
                "InvalidSubnet.Conflict",
                f -> "Action=CreateSubnet&VpcId=" + f.vpcId() + "&CidrBlock=10.1.1.128%2F25"));
        cases.add(ec2(
                "a subnet without a VpcId", "MissingParameter", f -> "Action=CreateSubnet&CidrBlock=10.1.3.0%2F24"));
        cases.add(ec2(
                "a subnet with host bits set",
                "InvalidSubnet.Range",
                f -> "Action=CreateSubnet&VpcId=" + f.vpcId() + "&CidrBlock=10.1.3.1%2F24"));
        // names
        cases.add(ec2(
                "a group name of 256 characters",
                "InvalidParameterValue",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId() + "&GroupName="
                        + "g".repeat(256)));
        cases.add(ec2(
                "a group name already taken",
                "InvalidGroup.Duplicate",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId() + "&GroupName=app"));
        cases.add(ec2(
                "a group named default",
                "InvalidGroup.Reserved",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId() + "&GroupName=default"));
        cases.add(ec2(
                "a group without a name",
                "MissingParameter",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId()));
        cases.add(ec2(
                "a group without a description",
                "MissingParameter",
                f -> "Action=CreateSecurityGroup&GroupName=nodesc&VpcId=" + f.vpcId()));
        cases.add(ec2(
                "a group name with a non-ASCII letter",
                "InvalidParameterValue",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId() + "&GroupName=" + enc("café")));
        cases.add(ec2(
                "a group name with a quote",
                "InvalidParameterValue",
                f -> "Action=CreateSecurityGroup&GroupDescription=d&VpcId=" + f.vpcId() + "&GroupName="
                        + enc("x' OR 1=1")));
        cases.add(ec2(
                "a group description with a backtick",
                "InvalidParameterValue",
                f -> "Action=CreateSecurityGroup&GroupName=tick&VpcId=" + f.vpcId() + "&GroupDescription="
                        + enc("`id`")));
        cases.add(ec2(
                "a group description with a non-ASCII letter",
                "InvalidParameterValue",
                f -> "Action=CreateSecurityGroup&GroupName=accent&VpcId=" + f.vpcId() + "&GroupDescription="
                        + enc("café")));
        cases.add(ec2(
                "a tag key of 129 characters",
                "InvalidParameterValue",
                f -> "Action=CreateTags&ResourceId.1=" + f.vpcId() + "&Tag.1.Key=" + "k".repeat(129)
                        + "&Tag.1.Value=v"));
        cases.add(ec2(
                "a tag value of 257 characters",
                "InvalidParameterValue",
                f -> "Action=CreateTags&ResourceId.1=" + f.vpcId() + "&Tag.1.Key=k&Tag.1.Value=" + "v".repeat(257)));
        cases.add(ec2(
                "a tag without a key",
                "MissingParameter",
                f -> "Action=CreateTags&ResourceId.1=" + f.vpcId() + "&Tag.1.Value=v"));
        cases.add(
                ec2("tags without a resource", "MissingParameter", f -> "Action=CreateTags&Tag.1.Key=k&Tag.1.Value=v"));
        // malformed ids
        for (String[] id : List.of(
                new String[] {"no hex digits", "-"},
                new String[] {"a letter that is not hex", "-0123456789abcdefg"},
                new String[] {"upper-case hex", "-0123456789ABCDEF0"},
                new String[] {"an SQL quote", "-0'%20OR%20'1'%3D'1"})) {
            cases.add(
                    ec2("a VpcId with " + id[0], "InvalidVpcID.Malformed", f -> "Action=DeleteVpc&VpcId=vpc" + id[1]));
            cases.add(ec2(
                    "a SubnetId with " + id[0],
                    "InvalidSubnetID.Malformed",
                    f -> "Action=DeleteSubnet&SubnetId=subnet" + id[1]));
            cases.add(ec2(
                    "a GroupId with " + id[0],
                    "InvalidGroupId.Malformed",
                    f -> "Action=DeleteSecurityGroup&GroupId=sg" + id[1]));
            cases.add(ec2(
                    "a NetworkInterfaceId with " + id[0],
                    "InvalidNetworkInterfaceID.Malformed",
                    f -> "Action=DeleteNetworkInterface&NetworkInterfaceId=eni" + id[1]));
        }
        cases.add(ec2(
                "a VPC id given as a subnet id",
                "InvalidSubnetID.Malformed",
                f -> "Action=DeleteSubnet&SubnetId=" + f.vpcId()));
        cases.add(ec2(
                "a group id given as a VPC id",
                "InvalidVpcID.Malformed",
                f -> "Action=DeleteVpc&VpcId=" + f.ec2GroupId()));
        // wrong types, missing, repeated and conflicting parameters
        cases.add(ec2(
                "MaxResults that is not a number",
                "InvalidParameterValue",
                f -> "Action=DescribeVpcs&MaxResults=many"));
        cases.add(ec2("MaxResults of 4", "InvalidParameterValue", f -> "Action=DescribeSecurityGroups&MaxResults=4"));
        cases.add(ec2(
                "MaxResults of 1001", "InvalidParameterValue", f -> "Action=DescribeSecurityGroups&MaxResults=1001"));
        cases.add(ec2(
                "a NextToken we never gave",
                "InvalidNextToken",
                f -> "Action=DescribeVpcs&MaxResults=5&NextToken=" + enc("'; DROP TABLE vpc; --")));
        cases.add(ec2(
                "a boolean attribute that is not a boolean",
                "InvalidParameterValue",
                f -> "Action=ModifyVpcAttribute&VpcId=" + f.vpcId() + "&EnableDnsSupport.Value=maybe"));
        cases.add(ec2(
                "two VPC attributes at once",
                "InvalidParameterCombination",
                f -> "Action=ModifyVpcAttribute&VpcId=" + f.vpcId()
                        + "&EnableDnsSupport.Value=true&EnableDnsHostnames.Value=true"));
        cases.add(ec2(
                "an unknown VPC attribute",
                "InvalidParameterValue",
                f -> "Action=DescribeVpcAttribute&VpcId=" + f.vpcId() + "&Attribute=enableTeleport"));
        cases.add(ec2(
                "an unknown filter",
                "InvalidParameterValue",
                f -> "Action=DescribeVpcs&Filter.1.Name=colour&Filter.1.Value.1=red"));
        cases.add(ec2(
                "a DeviceIndex that is not a number",
                "InvalidParameterValue",
                f -> "Action=AttachNetworkInterface&NetworkInterfaceId=eni-0123456789abcdef0&InstanceId="
                        + f.ec2InstanceId() + "&DeviceIndex=first"));
        cases.add(ec2(
                "an ingress rule for no group",
                "MissingParameter",
                f -> "Action=AuthorizeSecurityGroupIngress&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=81"
                        + "&IpPermissions.1.ToPort=81&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8"));
        cases.add(ec2(
                "an ingress rule without a protocol",
                "MissingParameter",
                f -> "Action=AuthorizeSecurityGroupIngress&GroupId=" + f.ec2GroupId()
                        + "&IpPermissions.1.FromPort=81&IpPermissions.1.ToPort=81"
                        + "&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0%2F8"));
        cases.add(ec2("an unknown action", "InvalidAction", f -> "Action=DescribeDragons"));
        cases.add(ec2("no action", "MissingAction", f -> "Foo=bar"));
        cases.add(ec2("an action in other letter case", "InvalidAction", f -> "Action=describevpcs"));
        // objects in use
        cases.add(
                ec2("deleting a VPC with a subnet", "DependencyViolation", f -> "Action=DeleteVpc&VpcId=" + f.vpcId()));
        cases.add(ec2(
                "deleting a subnet with an interface",
                "DependencyViolation",
                f -> "Action=DeleteSubnet&SubnetId=" + f.subnetId()));
        cases.add(ec2(
                "deleting a group an interface uses",
                "DependencyViolation",
                f -> "Action=DeleteSecurityGroup&GroupId=" + f.ec2GroupId()));
        cases.add(ec2(
                "deleting an attached interface",
                "InvalidNetworkInterface.InUse",
                f -> "Action=DeleteNetworkInterface&NetworkInterfaceId=" + f.ec2VmInterfaceId()));
        cases.add(ec2(
                "detaching a VM's primary interface",
                "OperationNotPermitted",
                f -> "Action=DetachNetworkInterface&AttachmentId=" + f.ec2VmAttachmentId()));
        return cases;
    }

    private static String manyRanges(int count) {
        StringBuilder ranges = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            ranges.append(i == 1 ? "" : "&IpPermissions.1.")
                    .append("IpRanges.")
                    .append(i)
                    .append(".CidrIp=10.")
                    .append(i)
                    .append(".0.0%2F16");
        }
        return ranges.toString();
    }

    private static String permission(
            HostileFixture f, String action, String protocol, String from, String to, String ranges) {
        return "Action=" + action + "&GroupId=" + f.ec2GroupId() + "&IpPermissions.1.IpProtocol=" + protocol
                + "&IpPermissions.1.FromPort=" + from + "&IpPermissions.1.ToPort=" + to + "&IpPermissions.1."
                + ranges;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HostileCase ec2(String name, String code, Function<HostileFixture, String> form) {
        return new HostileCase(name, Api.EC2, f -> f.ec2(form.apply(f) + EC2_VERSION), 400, code);
    }
}
