package io.weft.it.hostile;

import io.weft.it.hostile.HostileCase.Api;
import io.weft.testsupport.cloudstack.Params;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalogue: every hostile request {@link HostileInputCatalogueTest} sends, by API, with the
 * status and code it must get. CloudStack's codes are CloudStack's own (431 for a bad parameter,
 * 432 for a command the caller may not use; an async command's refusal is its job's error code);
 * EC2's are AWS's, with the statuses of API-COMPAT (authentication failures are 403).
 */
final class HostileCases {
    private static final String EC2_VERSION = "&Version=2016-11-15";
    private static final String LONG_TEXT = "x".repeat(256);

    private HostileCases() {}

    static List<HostileCase> all() {
        List<HostileCase> all = new ArrayList<>();
        all.addAll(ec2());
        all.addAll(cloudStack());
        all.addAll(rest());
        all.addAll(ForeignIdCases.all());
        all.addAll(MalformedValueCases.all());
        all.addAll(SignatureCases.all());
        return all;
    }

    // --- EC2 -------------------------------------------------------------------------------------

    private static List<HostileCase> ec2() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(ec2Invalid(
                "a group description of 256 characters",
                f -> "Action=CreateSecurityGroup&GroupName=long" + "&GroupDescription=" + LONG_TEXT + "&VpcId="
                        + f.vpcId()));
        cases.add(ec2Invalid(
                "a group name that looks like a group id",
                f -> "Action=CreateSecurityGroup" + "&GroupName=sg-0123456789abcdef0&GroupDescription=d&VpcId="
                        + f.vpcId()));
        cases.add(ec2Invalid(
                "a NUL in a group name",
                f -> "Action=CreateSecurityGroup&GroupName=a%00b" + "&GroupDescription=d&VpcId=" + f.vpcId()));
        cases.add(ec2Invalid(
                "a CR in a group description",
                f -> "Action=CreateSecurityGroup&GroupName=crlf" + "&GroupDescription=line%0Dbreak&VpcId="
                        + f.vpcId()));
        cases.add(ec2Invalid(
                "an ESC in a group description",
                f -> "Action=CreateSecurityGroup&GroupName=esc" + "&GroupDescription=%1B%5B31m&VpcId=" + f.vpcId()));
        cases.add(ec2Invalid(
                "a tag key with the reserved aws: prefix",
                f -> "Action=CreateTags&ResourceId.1=" + f.vpcId() + "&Tag.1.Key=aws%3Acreated-by&Tag.1.Value=me"));
        cases.add(ec2Invalid(
                "a tag key with a NUL",
                f -> "Action=CreateTags&ResourceId.1=" + f.vpcId() + "&Tag.1.Key=a%00b&Tag.1.Value=v"));
        cases.add(ec2Invalid(
                "TCP with ports -1 to -1", f -> ingress(f, "tcp", "-1", "-1", "IpRanges.1.CidrIp", "10.0.0.0%2F8")));
        cases.add(ec2Invalid(
                "an IPv6 range in CidrIp", f -> ingress(f, "tcp", "22", "22", "IpRanges.1.CidrIp", "%3A%3A%2F0")));
        cases.add(ec2Invalid(
                "an IPv4 range in CidrIpv6",
                f -> ingress(f, "tcp", "22", "22", "Ipv6Ranges.1.CidrIpv6", "10.0.0.0%2F8")));
        cases.add(ec2Invalid(
                "an octet with a leading zero",
                f -> ingress(f, "tcp", "22", "22", "IpRanges.1.CidrIp", "10.10.0.010%2F32")));
        cases.add(ec2Invalid(
                "a CIDR with a trailing NUL",
                f -> ingress(f, "tcp", "22", "22", "IpRanges.1.CidrIp", "10.0.0.0%2F24%00")));
        cases.add(ec2Invalid(
                "a CIDR with a prefix of 33",
                f -> ingress(f, "tcp", "22", "22", "IpRanges.1.CidrIp", "10.0.0.0%2F33")));
        cases.add(ec2Invalid(
                "a host name for a CIDR", f -> ingress(f, "tcp", "22", "22", "IpRanges.1.CidrIp", "example.com%2F24")));
        cases.add(ec2Invalid(
                "a port above 65535", f -> ingress(f, "tcp", "22", "65536", "IpRanges.1.CidrIp", "10.0.0.0%2F8")));
        cases.add(ec2Invalid(
                "a port range backwards", f -> ingress(f, "udp", "90", "80", "IpRanges.1.CidrIp", "10.0.0.0%2F8")));
        cases.add(ec2Invalid(
                "a rule description of 256 characters",
                f -> ingress(
                        f,
                        "tcp",
                        "22",
                        "22",
                        "IpRanges.1.CidrIp",
                        "10.0.0.0%2F8&IpPermissions.1.IpRanges.1.Description=" + LONG_TEXT)));
        cases.add(ec2Invalid(
                "a port that is not a number",
                f -> ingress(f, "tcp", "twenty", "22", "IpRanges.1.CidrIp", "10.0.0.0%2F8")));
        cases.add(ec2Invalid(
                "a malformed percent-encoding",
                f -> "Action=CreateSecurityGroup&GroupName=%zz" + "&GroupDescription=d&VpcId=" + f.vpcId()));
        cases.add(new HostileCase(
                "a subnet larger than its VPC",
                Api.EC2,
                f -> f.ec2("Action=CreateSubnet" + EC2_VERSION + "&VpcId=" + f.vpcId() + "&CidrBlock=10.0.0.0%2F8"),
                400,
                "InvalidSubnet.Range"));
        cases.add(new HostileCase(
                "a signature scope with an empty region",
                Api.EC2,
                f -> f.ec2Unsigned(
                        "Action=DescribeVpcs" + EC2_VERSION,
                        Map.of(
                                "X-Amz-Date",
                                "20261205T120000Z",
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=" + f.tenantAccessKey()
                                        + "/20261205//ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")),
                403,
                "IncompleteSignature"));
        cases.add(ec2TagsOverTheLimit());
        return cases;
    }

    private static String ingress(
            HostileFixture f, String protocol, String from, String to, String range, String cidr) {
        return "Action=AuthorizeSecurityGroupIngress&GroupId=" + f.ec2GroupId() + "&IpPermissions.1.IpProtocol="
                + protocol + "&IpPermissions.1.FromPort=" + from + "&IpPermissions.1.ToPort=" + to
                + "&IpPermissions.1." + range + "=" + cidr;
    }

    private static HostileCase ec2TagsOverTheLimit() {
        return new HostileCase(
                "three more tags on a group that has " + HostileFixture.PRESET_GROUP_TAGS,
                Api.EC2,
                f -> f.ec2("Action=CreateTags&ResourceId.1=" + f.ec2GroupId() + "&Tag.1.Key=one&Tag.1.Value=1"
                        + "&Tag.2.Key=two&Tag.2.Value=2&Tag.3.Key=three&Tag.3.Value=3" + EC2_VERSION),
                400,
                "TagLimitExceeded");
    }

    private static HostileCase ec2Invalid(String name, Function<HostileFixture, String> form) {
        return new HostileCase(name, Api.EC2, f -> f.ec2(form.apply(f) + EC2_VERSION), 400, "InvalidParameterValue");
    }

    // --- CloudStack ------------------------------------------------------------------------------

    private static List<HostileCase> cloudStack() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(tenantCall(
                "revoking an ingress rule as egress",
                431,
                f -> "revokeSecurityGroupEgress",
                f -> Params.of("id", f.ingressRuleId())));
        cases.add(tenantCall(
                "a tenant choosing a network's segment", 431, f -> "createNetwork", f -> Params.of("name", "pinned")
                        .and("zoneid", zoneOf(f))
                        .and("networkofferingid", offeringOf(f))
                        .and("gateway", "10.20.0.1")
                        .and("netmask", "255.255.255.0")
                        .and("vlan", "5005")));
        cases.add(tenantCall("listConfigurations by a tenant", 432, f -> "listConfigurations", f -> Params.none()));
        cases.add(tenantCall(
                "a CIDR with a trailing NUL",
                431,
                f -> "authorizeSecurityGroupIngress",
                f -> rule(f, "TCP", "80", "80", "10.0.0.0/24\0")));
        cases.add(tenantCall(
                "TCP with ports -1 to -1",
                431,
                f -> "authorizeSecurityGroupIngress",
                f -> rule(f, "TCP", "-1", "-1", "10.0.0.0/8")));
        cases.add(tenantCall(
                "an octet with a leading zero",
                431,
                f -> "authorizeSecurityGroupIngress",
                f -> rule(f, "TCP", "80", "80", "10.10.0.010/32")));
        cases.add(tenantCall(
                "a security group description of 256 characters", 431, f -> "createSecurityGroup", f -> Params.of(
                                "name", "long")
                        .and("description", LONG_TEXT)));
        cases.add(tenantCall(
                "a security group name with a NUL", 431, f -> "createSecurityGroup", f -> Params.of("name", "a\0b")
                        .and("description", "d")));
        cases.add(
                tenantCall("a VM name with a newline", 431, f -> "updateVirtualMachine", f -> Params.of("id", f.vmId())
                        .and("name", "web\nroot")));
        cases.addAll(rootAdminCommandsByATenant());
        for (String name : List.of("web_1", "1web", "-web", "web-", "web.example", "a".repeat(64))) {
            cases.add(tenantCall(
                    "a new VM named '" + name + "', no host name", 431, f -> "deployVirtualMachine", f -> Params.of(
                                    "zoneid", zoneOf(f))
                            .and("serviceofferingid", f.offeringIdOfVms())
                            .and("templateid", f.templateIdOfVms())
                            .and("networkids", f.networkId())
                            .and("name", name)));
        }
        cases.add(new HostileCase(
                "three more tags on a group that has " + HostileFixture.PRESET_GROUP_TAGS,
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(
                        f.tenantCloudStack(),
                        "createTags",
                        Params.of("resourceids", f.groupId())
                                .and("resourcetype", "SecurityGroup")
                                .and("tags[0].key", "one")
                                .and("tags[0].value", "1")
                                .and("tags[1].key", "two")
                                .and("tags[1].value", "2")
                                .and("tags[2].key", "three")
                                .and("tags[2].value", "3")),
                532,
                "532"));
        return cases;
    }

    /**
     * A root admin's commands sent by a tenant, well-formed or not: CloudStack's API checker answers
     * each as a command that is not there for the caller, before reading a parameter.
     */
    private static List<HostileCase> rootAdminCommandsByATenant() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(tenantCall("createZone by a tenant", 432, f -> "createZone", f -> Params.of("name", "mine")
                .and("networktype", "Advanced")
                .and("dns1", "8.8.8.8")
                .and("internaldns1", "10.0.0.2")));
        cases.add(tenantCall("createZone by a tenant, no parameters", 432, f -> "createZone", f -> Params.none()));
        cases.add(tenantCall("updateZone by a tenant", 432, f -> "updateZone", f -> Params.of("id", zoneOf(f))
                .and("name", "renamed")));
        cases.add(tenantCall("deleteZone by a tenant", 432, f -> "deleteZone", f -> Params.of("id", zoneOf(f))));
        cases.add(tenantCall("listHosts by a tenant", 432, f -> "listHosts", f -> Params.none()));
        cases.add(tenantCall("addHost by a tenant", 432, f -> "addHost", f -> Params.of("zoneid", zoneOf(f))
                .and("url", "http://192.168.0.99")
                .and("hypervisor", "KVM")));
        cases.add(tenantCall("deleteHost by a tenant", 432, f -> "deleteHost", f -> Params.of("id", f.hostId())));
        cases.add(tenantCall(
                "prepareHostForMaintenance by a tenant",
                432,
                f -> "prepareHostForMaintenance",
                f -> Params.of("id", f.hostId())));
        cases.add(tenantCall("listPods by a tenant", 432, f -> "listPods", f -> Params.none()));
        cases.add(tenantCall("listClusters by a tenant", 432, f -> "listClusters", f -> Params.none()));
        cases.add(tenantCall(
                "createServiceOffering by a tenant", 432, f -> "createServiceOffering", f -> Params.of("name", "big")
                        .and("cpunumber", "64")
                        .and("cpuspeed", "4000")
                        .and("memory", "262144")));
        cases.add(tenantCall(
                "deleteServiceOffering by a tenant",
                432,
                f -> "deleteServiceOffering",
                f -> Params.of("id", f.offeringIdOfVms())));
        cases.add(tenantCall(
                "migrateVirtualMachine of its own VM by a tenant",
                432,
                f -> "migrateVirtualMachine",
                f -> Params.of("virtualmachineid", f.vmId())));
        return cases;
    }

    private static Params rule(HostileFixture f, String protocol, String start, String end, String cidr) {
        return Params.of("securitygroupid", groupOf(f))
                .and("protocol", protocol)
                .and("startport", start)
                .and("endport", end)
                .and("cidrlist", cidr);
    }

    private static String groupOf(HostileFixture f) {
        return f.tenantCloudStack()
                .ok("listSecurityGroups", "securitygroupname", "web")
                .get("securitygroup")
                .get(0)
                .get("id")
                .asText();
    }

    private static String zoneOf(HostileFixture f) {
        return f.tenantCloudStack().ok("listZones").get("zone").get(0).get("id").asText();
    }

    private static String offeringOf(HostileFixture f) {
        return f.tenantCloudStack()
                .ok("listNetworkOfferings")
                .get("networkoffering")
                .get(0)
                .get("id")
                .asText();
    }

    /** A tenant's command that CloudStack refuses with {@code status} (its errorcode is the same number). */
    private static HostileCase tenantCall(
            String name,
            int status,
            Function<HostileFixture, String> command,
            Function<HostileFixture, Params> params) {
        return new HostileCase(
                name,
                Api.CLOUDSTACK,
                f -> HostileFixture.cloudStack(f.tenantCloudStack(), command.apply(f), params.apply(f)),
                status,
                Integer.toString(status));
    }

    // --- REST ------------------------------------------------------------------------------------

    private static List<HostileCase> rest() {
        byte[] huge = new byte[16 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        return List.of(
                new HostileCase(
                        "a 16 MiB body", Api.REST, f -> f.rest("POST", "/ports", huge), 413, "PAYLOAD_TOO_LARGE"),
                new HostileCase(
                        "a change id of -1",
                        Api.REST,
                        f -> f.rest("GET", "/changes/-1", new byte[0]),
                        400,
                        "INVALID_PARAMETER"),
                new HostileCase(
                        "a change id with a plus sign",
                        Api.REST,
                        f -> f.rest("GET", "/changes/+5", new byte[0]),
                        400,
                        "INVALID_PARAMETER"),
                new HostileCase(
                        "a body that is not JSON",
                        Api.REST,
                        f -> f.rest("POST", "/ports", bytes("{\"networkId\": ")),
                        400,
                        "INVALID_PARAMETER"),
                new HostileCase(
                        "a control character in a JSON string",
                        Api.REST,
                        f -> f.rest("POST", "/ports", bytes("{\"networkId\":\"a\\u0000b\"}")),
                        400,
                        "INVALID_PARAMETER"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
