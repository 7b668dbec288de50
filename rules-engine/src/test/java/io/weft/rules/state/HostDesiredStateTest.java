package io.weft.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
    }

    @Test
    void hashIsTheSumOfTheEntriesSha256ModuloTwoToThe256() throws Exception {
        assertThat(HostDesiredState.empty().hash()).isEqualTo("0".repeat(64));
        DesiredEntry uplink = new UplinkEntry("eth9");
        DesiredEntry member = new IpSetMemberEntry("weft-g4-a", "10.0.0.1");
        // The canonical serialization is pinned: agents of another build must hash alike.
        assertThat(new String(StateDigest.canonicalBytes(member), StandardCharsets.UTF_8))
                .isEqualTo("24:ipset/weft-g4-a/10.0.0.1,12:ipset-member,2;9:weft-g4-a,8:10.0.0.1,");
        assertThat(HostDesiredState.of(List.of(uplink)).hash()).isEqualTo(sha256Hex(uplink));
        BigInteger sum = new BigInteger(sha256Hex(uplink), 16)
                .add(new BigInteger(sha256Hex(member), 16))
                .mod(BigInteger.TWO.pow(256));
        assertThat(HostDesiredState.of(List.of(member, uplink)).hash())
                .isEqualTo(String.format("%064x", sum))
                .isEqualTo(HostDesiredState.of(List.of(uplink, member)).hash());
    }

    @Test
    void withChangesPutsReplacesAndDeletesWithoutTouchingTheOriginal() {
        HostDesiredState before = HostDesiredState.of(List.of(
                new IpSetEntry("weft-g4-a", "hash:net", "inet"),
                new IpSetMemberEntry("weft-g4-a", "10.0.0.1"),
                new UplinkEntry("eth9")));
        IpSetMemberEntry added = new IpSetMemberEntry("weft-g4-a", "10.0.0.2");
        HostDesiredState after =
                before.withChanges(Map.of(added.key(), added), List.of("ipset/weft-g4-a/10.0.0.1", "ipset/absent"));

        assertThat(after.members("weft-g4-a")).containsExactly("10.0.0.2");
        assertThat(after.size()).isEqualTo(3);
        assertThat(after.entry("ipset/weft-g4-a/10.0.0.1")).isEmpty();
        assertThat(after.entry(added.key())).contains(added);
        assertThat(after.hash())
                .isEqualTo(HostDesiredState.fromEntries(after.entries()).hash());
        assertThat(before.members("weft-g4-a")).containsExactly("10.0.0.1");
        assertThat(before.withChanges(Map.of(), List.of("ipset/absent"))).isSameAs(before);
    }

    @Test
    void withChangesRejectsAKeyBothPutAndDeletedAndAnEntryUnderAnotherKey() {
        UplinkEntry uplink = new UplinkEntry("eth9");
        HostDesiredState state = HostDesiredState.empty();
        assertThatThrownBy(() -> state.withChanges(Map.of(uplink.key(), uplink), List.of(uplink.key())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both put and deleted");
        assertThatThrownBy(() -> state.withChanges(Map.of("ipset/x", uplink), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    private static String sha256Hex(DesiredEntry entry) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(StateDigest.canonicalBytes(entry)));
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
