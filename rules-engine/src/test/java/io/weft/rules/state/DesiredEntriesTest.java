package io.weft.rules.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DesiredEntriesTest {

    private static final List<DesiredEntry> ONE_OF_EACH = List.of(
            new BridgeEntry("br-int", "netdev"),
            new ChainEntry("ipv4", "weft-i-0123456789ab", List.of("-j ACCEPT", "-p tcp -m tcp --dport 22 -j ACCEPT")),
            new ChainEntry("ipv6", "weft-o-0123456789ab", List.of()),
            new FlowEntry(1, 100, "metadata=0x100001389,dl_dst=02:00:00:00:00:01", "output:wvo0123456789ab"),
            new FlowEntry(0, 0, "", "drop"),
            new IpSetEntry("weft-g4-0123456789ab", "hash:net", "inet"),
            new IpSetMemberEntry("weft-g4-0123456789ab", "10.0.0.1"),
            new NicPortEntry("nic-1", "tap1", "wbr1", "wvb1", "wvo1"),
            new TunnelEntry("vxlan", "weft-vxlan", "10.250.0.1"),
            new UplinkEntry("eth1"));

    @Test
    void everyKindRoundTripsThroughItsCanonicalFields() {
        for (DesiredEntry entry : ONE_OF_EACH) {
            assertEquals(entry, DesiredEntries.fromCanonicalFields(entry.kind(), entry.canonicalFields()));
        }
    }

    @Test
    void unknownKindIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> DesiredEntries.fromCanonicalFields("route", List.of("x")));
    }

    @Test
    void wrongFieldCountIsRejected() {
        assertThrows(
                IllegalArgumentException.class, () -> DesiredEntries.fromCanonicalFields("bridge", List.of("br-int")));
        assertThrows(
                IllegalArgumentException.class,
                () -> DesiredEntries.fromCanonicalFields("flow", List.of("x", "1", "", "drop")));
    }
}
