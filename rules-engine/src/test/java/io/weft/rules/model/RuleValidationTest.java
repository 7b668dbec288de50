package io.weft.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleValidationTest {
    @Test
    void portRangeOutsideOneTo65535IsRejected() {
        assertThatThrownBy(() -> new PortRange(0, 22))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("outside 1-65535");
        assertThatThrownBy(() -> new PortRange(1, 65536)).isInstanceOf(InvalidRuleException.class);
        assertThat(new PortRange(1, 65535)).isEqualTo(new PortRange(1, 65535));
    }

    @Test
    void portRangeStartAfterEndIsRejected() {
        assertThatThrownBy(() -> new PortRange(80, 22))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("greater than its end");
    }

    @Test
    void portsNeedTcpOrUdp() {
        assertThatThrownBy(() -> SecurityGroupRule.ports(
                        Direction.INGRESS,
                        IpFamily.IPV4,
                        Protocol.ICMP,
                        PortRange.single(22),
                        RemoteSide.cidr("0.0.0.0/0")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("needs protocol tcp or udp");
    }

    @Test
    void icmpTypeAndCodeAreValidated() {
        assertThatThrownBy(() -> new IcmpMatch(256, 0)).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> new IcmpMatch(-1, 3))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("needs a type");
        assertThat(new IcmpMatch(-1, -1).isAny()).isTrue();
    }

    @Test
    void icmpMustMatchTheEthertype() {
        assertThatThrownBy(() ->
                        SecurityGroupRule.of(Direction.INGRESS, IpFamily.IPV6, Protocol.ICMP, RemoteSide.cidr("::/0")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("does not match ethertype");
        assertThatThrownBy(() -> SecurityGroupRule.of(
                        Direction.INGRESS, IpFamily.IPV4, Protocol.ICMPV6, RemoteSide.cidr("0.0.0.0/0")))
                .isInstanceOf(InvalidRuleException.class);
    }

    @Test
    void anyIcmpTypeIsTheSameRuleAsNoType() {
        SecurityGroupRule any = SecurityGroupRule.icmp(
                Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(-1, -1), RemoteSide.cidr("0.0.0.0/0"));
        SecurityGroupRule plain =
                SecurityGroupRule.of(Direction.INGRESS, IpFamily.IPV4, Protocol.ICMP, RemoteSide.cidr("0.0.0.0/0"));
        assertThat(any).isEqualTo(plain);
    }

    @Test
    void remoteCidrMustBeOfTheRuleFamily() {
        assertThatThrownBy(() -> SecurityGroupRule.of(
                        Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, RemoteSide.cidr("2001:db8::/32")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("is not of ethertype IPV4");
    }

    @Test
    void protocolsParseFromApiWords() {
        assertThat(Protocol.parse("TCP")).isEqualTo(Protocol.TCP);
        assertThat(Protocol.parse("all")).isEqualTo(Protocol.ALL);
        assertThat(Protocol.parse("-1")).isEqualTo(Protocol.ALL);
        assertThat(Protocol.parse("icmpv6")).isEqualTo(Protocol.ICMPV6);
        assertThat(Protocol.parse("47")).isEqualTo(new Protocol(47));
        assertThatThrownBy(() -> Protocol.parse("256")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Protocol.parse("smtp"))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("unknown protocol 'smtp'");
    }

    @Test
    void cidrsAreNormalisedToTheirNetwork() {
        assertThat(Cidr.parse("10.1.2.3/8")).hasToString("10.0.0.0/8");
        assertThat(Cidr.parse("10.1.2.3")).hasToString("10.1.2.3/32");
        assertThat(Cidr.parse("2001:DB8:0:0:1::1/64")).hasToString("2001:db8::/64");
        assertThat(Cidr.parse("2001:db8::1")).hasToString("2001:db8::1/128");
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
    }

    @Test
    void malformedCidrsAreRejected() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("256.0.0.0/8")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("2001:db8::1::2/64")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("example.com/24")).isInstanceOf(InvalidRuleException.class);
        // Ambiguous or smuggled forms: an octal-looking octet, a trailing NUL, a stray space.
        assertThatThrownBy(() -> Cidr.parse("10.10.0.010/32")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/24\0")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0\0/24")).isInstanceOf(InvalidRuleException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/ 24")).isInstanceOf(InvalidRuleException.class);
        assertThat(Cidr.parse("10.0.0.0/24")).hasToString("10.0.0.0/24");
        assertThat(Cidr.parse("0.0.0.0/0")).hasToString("0.0.0.0/0");
    }

    @Test
    void ipv6IsPrintedCompressedAsRfc5952Says() {
        assertThat(IpAddress.parse("2001:0db8:0000:0000:0000:ff00:0042:8329")).hasToString("2001:db8::ff00:42:8329");
        assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:1")).hasToString("2001:db8:0:1::1");
        assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
        assertThat(IpAddress.parse("::")).hasToString("::");
        assertThat(IpAddress.parse("::ffff:10.0.0.1")).hasToString("::ffff:a00:1");
        assertThat(IpAddress.parse("fe80::1:0")).hasToString("fe80::1:0");
    }

    @Test
    void linkLocalAddressFollowsModifiedEui64() {
        assertThat(MacAddress.parse("FA:16:3E:00:00:02").eui64LinkLocal()).hasToString("fe80::f816:3eff:fe00:2");
    }

    @Test
    void allowedAddressPairKeepsAnOptionalMac() {
        AllowedAddressPair pair = AllowedAddressPair.of("10.1.2.3/24");
        assertThat(pair.address()).hasToString("10.1.2.0/24");
        assertThat(pair.mac()).isEqualTo(Optional.empty());
    }
}
