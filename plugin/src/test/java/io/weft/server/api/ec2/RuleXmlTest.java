package io.weft.server.api.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.server.securitygroup.EgressPolicy;
import io.weft.server.securitygroup.EtherType;
import io.weft.server.securitygroup.RuleDirection;
import io.weft.server.securitygroup.RuleRequest;
import io.weft.server.securitygroup.RuleView;
import io.weft.server.securitygroup.SecurityGroupView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleXmlTest {
    private static final UUID ACCOUNT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID GROUP = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID OTHER = UUID.fromString("22222222-2222-4222-8222-222222222222");
    private static final UUID VPC = UUID.fromString("33333333-3333-4333-8333-333333333333");

    private static RuleView rule(
            UUID id, String protocol, Integer from, Integer to, String cidr, RuleView.RemoteGroupView remote) {
        boolean icmp = protocol.startsWith("icmp");
        return new RuleView(
                id,
                GROUP,
                RuleDirection.INGRESS,
                cidr != null && cidr.contains(":") ? EtherType.IPV6 : EtherType.IPV4,
                protocol,
                icmp ? Optional.empty() : Optional.ofNullable(from),
                icmp ? Optional.empty() : Optional.ofNullable(to),
                icmp ? Optional.ofNullable(from) : Optional.empty(),
                icmp ? Optional.ofNullable(to) : Optional.empty(),
                Optional.ofNullable(cidr),
                Optional.ofNullable(remote),
                Optional.empty());
    }

    private static String permissions(List<RuleView> rules) {
        XmlOut out = new XmlOut();
        RuleXml.permissions(out, "ipPermissions", rules);
        return out.text();
    }

    @Test
    void rulesOfEqualProtocolAndPortsFoldIntoOnePermission() {
        RuleView.RemoteGroupView web = new RuleView.RemoteGroupView(OTHER, "web", ACCOUNT, "alice", Optional.of(VPC));
        String xml = permissions(List.of(
                rule(UUID.randomUUID(), "tcp", 22, 22, "10.0.0.0/8", null),
                rule(UUID.randomUUID(), "tcp", 22, 22, null, web),
                rule(UUID.randomUUID(), "tcp", 22, 22, "2001:db8::/32", null)));

        assertThat(xml)
                .isEqualTo("<ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort><toPort>22</toPort>"
                        + "<groups><item><userId>" + Ec2AccountIds.of(ACCOUNT)
                        + "</userId><groupId>sg-22222222222242228</groupId>"
                        + "<groupName>web</groupName><vpcId>vpc-33333333333343338</vpcId></item></groups>"
                        + "<ipRanges><item><cidrIp>10.0.0.0/8</cidrIp></item></ipRanges>"
                        + "<ipv6Ranges><item><cidrIpv6>2001:db8::/32</cidrIpv6></item></ipv6Ranges>"
                        + "<prefixListIds></prefixListIds></item></ipPermissions>");
    }

    @Test
    void allProtocolsHaveNoPortsIcmpCarriesTypeAndCodeAndTcpDefaultsToEveryPort() {
        String all = permissions(List.of(rule(UUID.randomUUID(), "all", null, null, "0.0.0.0/0", null)));
        String icmp = permissions(List.of(rule(UUID.randomUUID(), "icmp", 8, null, "0.0.0.0/0", null)));
        String tcp = permissions(List.of(rule(UUID.randomUUID(), "tcp", null, null, "0.0.0.0/0", null)));

        assertThat(all).contains("<ipProtocol>-1</ipProtocol><groups>").doesNotContain("Port");
        assertThat(icmp).contains("<fromPort>8</fromPort><toPort>-1</toPort>");
        assertThat(tcp).contains("<fromPort>0</fromPort><toPort>65535</toPort>");
    }

    @Test
    void ruleItemNamesItsReferencedGroup() {
        UUID id = UUID.fromString("44444444-4444-4444-8444-444444444444");
        RuleView.RemoteGroupView web = new RuleView.RemoteGroupView(OTHER, "web", ACCOUNT, "alice", Optional.of(VPC));
        SecurityGroupView group = new SecurityGroupView(
                GROUP,
                "db",
                Optional.of("databases"),
                ACCOUNT,
                "alice",
                UUID.randomUUID(),
                "ROOT",
                Optional.of(VPC),
                EgressPolicy.EC2,
                false,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Instant.EPOCH);
        XmlOut out = new XmlOut();
        RuleXml.rule(out, group, rule(id, "all", null, null, null, web));

        assertThat(out.text())
                .isEqualTo("<securityGroupRuleId>sgr-44444444444444448</securityGroupRuleId>"
                        + "<groupId>sg-11111111111141118</groupId><groupOwnerId>" + Ec2AccountIds.of(ACCOUNT)
                        + "</groupOwnerId>"
                        + "<isEgress>false</isEgress><ipProtocol>-1</ipProtocol><fromPort>-1</fromPort>"
                        + "<toPort>-1</toPort><referencedGroupInfo><groupId>sg-22222222222242228</groupId>"
                        + "<userId>" + Ec2AccountIds.of(ACCOUNT) + "</userId><vpcId>vpc-33333333333343338</vpcId>"
                        + "</referencedGroupInfo><tagSet></tagSet>");
    }

    @Test
    void icmpPermissionsCarryTypeAndCodeInThePorts() {
        RuleRequest icmp = Ec2Permissions.base("ICMP", Optional.of(8), Optional.of(0));
        RuleRequest tcp = Ec2Permissions.base("tcp", Optional.of(80), Optional.of(81));

        assertThat(icmp.icmpType()).contains(8);
        assertThat(icmp.icmpCode()).contains(0);
        assertThat(icmp.fromPort()).isEmpty();
        assertThat(tcp.fromPort()).contains(80);
        assertThat(tcp.toPort()).contains(81);
        assertThat(tcp.icmpType()).isEmpty();
    }
}
