package io.weft.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostDesiredStateTest {
    @Test
    void keysFollowTheMessageConvention() {
        assertThat(new IpSetEntry("weft-g4-a", "hash:net", "inet").key()).isEqualTo("ipset/weft-g4-a");
        assertThat(new IpSetMemberEntry("weft-g4-a", "10.1.0.0/16").key()).isEqualTo("ipset/weft-g4-a/10.1.0.0/16");
        assertThat(new ChainEntry("ipv6", "weft-i-1", List.of()).key()).isEqualTo("chain/ipv6/weft-i-1");
        assertThat(new NicPortEntry("n", "t", "b", "v", "o").key()).isEqualTo("port/n");
        assertThat(new TunnelEntry("vxlan", "weft-vxlan", "192.0.2.1").key()).isEqualTo("tunnel/vxlan");
        assertThat(new BridgeEntry("br-weft", "system").key()).isEqualTo("bridge/br-weft");
        assertThat(new FlowEntry(1, 50, "metadata=0x1", "drop").key()).isEqualTo("flow/1/50/metadata=0x1");
    }

    @Test
    void fromEntriesRejectsAnEntryUnderAnotherKey() {
        assertThatThrownBy(() -> HostDesiredState.fromEntries(Map.of("ipset/x", new UplinkEntry("eth9"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void hashDistinguishesFieldBoundaries() {
        HostDesiredState one = HostDesiredState.of(List.of(new ChainEntry("ipv4", "weft-a", List.of("x y", "z"))));
        HostDesiredState two = HostDesiredState.of(List.of(new ChainEntry("ipv4", "weft-a", List.of("x", "y z"))));
        assertThat(one.hash()).isNotEqualTo(two.hash());
        assertThat(HostDesiredState.empty().hash())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void membersAreARangeOfKeys() {
        HostDesiredState state = HostDesiredState.of(List.of(
                new IpSetEntry("weft-g4-a", "hash:net", "inet"),
                new IpSetMemberEntry("weft-g4-a", "10.0.0.2"),
                new IpSetMemberEntry("weft-g4-ab", "10.0.0.3"),
                new IpSetMemberEntry("weft-g4-a", "10.0.0.1")));
        assertThat(state.members("weft-g4-a")).containsExactly("10.0.0.1", "10.0.0.2");
    }
}
