package io.weft.server.topology;

import static io.weft.server.tenancy.TenancyFixture.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.server.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The values topology is described with parse and check strictly. */
class TopologyValuesTest {
    @Test
    void segmentRangesAndPodAddressingRefuseWhatCannotBe() {
        assertThatThrownBy(() -> new SegmentRange(IsolationType.VLAN, 1, 4095))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentRange(IsolationType.VXLAN, 1L << 24, 1L << 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.0.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.1.10", "192.168.1.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.1", "255.255.255.0", "192.168.0.20", "192.168.0.10"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.15", "255.255.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);
        assertCode(
                () -> new PodAddressing("192.168.0.256", "255.255.255.0", "192.168.0.10", "192.168.0.20"),
                ErrorCode.INVALID_PARAMETER);
    }

    @Test
    void addressesAndEnumsParseStrictly() {
        assertThat(IpAddresses.isIpv4("10.0.0.1")).isTrue();
        assertThat(IpAddresses.isIpv4("010.0.0.1")).isFalse();
        assertThat(IpAddresses.isIpv4("10.0.0")).isFalse();
        assertThat(IpAddresses.isIpv6("fd00::1")).isTrue();
        assertThat(IpAddresses.isIpv6("localhost")).isFalse();
        assertThat(IpAddresses.isCidr("10.1.0.0/16")).isTrue();
        assertThat(IpAddresses.isCidr("10.1.0.1/16")).isFalse();
        assertThat(IpAddresses.netmaskPrefix("255.255.254.0")).isEqualTo(23);
        assertThat(HypervisorType.parse("xenserver")).isEqualTo(HypervisorType.XEN_SERVER);
        assertThat(HypervisorType.parse("KVM")).isEqualTo(HypervisorType.KVM);
        assertThatThrownBy(() -> HypervisorType.parse("qemu")).isInstanceOf(IllegalArgumentException.class);
    }
}
