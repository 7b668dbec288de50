package io.weft.rules.compile;

import static io.weft.rules.Fixtures.ip;
import static io.weft.rules.Fixtures.ips;
import static io.weft.rules.Fixtures.nic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rules.Fixtures;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.BridgeSettings;
import io.weft.rules.model.Direction;
import io.weft.rules.model.EgressDefault;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IcmpMatch;
import io.weft.rules.model.InvalidModelException;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.LocalNic;
import io.weft.rules.model.MacAddress;
import io.weft.rules.model.NetworkView;
import io.weft.rules.model.PortRange;
import io.weft.rules.model.Protocol;
import io.weft.rules.model.RemoteSide;
import io.weft.rules.model.SecurityGroup;
import io.weft.rules.model.SecurityGroupRule;
import io.weft.rules.model.Segment;
import io.weft.rules.model.SegmentType;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostCompilerTest {
    private static final String NIC = "nic-1";

    private static HostModel singleNicHost(List<SecurityGroup> groups, Map<String, List<IpAddress>> members) {
        LocalNic nic = nic(
                NIC,
                "net",
                "fa:16:3e:00:00:01",
                groups.stream().map(SecurityGroup::groupId).toList(),
                "10.0.0.5",
                "2001:db8::5");
        return new HostModel(
                "h",
                ip("192.0.2.1"),
                BridgeSettings.defaults(),
                List.of(nic),
                List.of(new NetworkView("net", new Segment(SegmentType.VXLAN, 7), List.of(), List.of())),
                groups,
                members);
    }

    private static List<String> chain(HostDesiredState state, IpFamily family, String name) {
        return ((ChainEntry) state.entries().get(ChainEntry.keyOf(family.token(), name))).rules();
    }

    private static List<String> ingress(HostDesiredState state, IpFamily family) {
        return chain(state, family, WeftNames.ingressChain(NIC));
    }

    private static List<String> egress(HostDesiredState state, IpFamily family) {
        return chain(state, family, WeftNames.egressChain(NIC));
    }

    private static SecurityGroup group(String id, EgressDefault egress, SecurityGroupRule... rules) {
        return new SecurityGroup(id, egress, List.of(rules));
    }

    @Test
    void ingressIsDeniedUnlessARuleAllowsIt() {
        HostDesiredState state =
                HostCompiler.compile(singleNicHost(List.of(group("g", EgressDefault.EXPLICIT_RULES_ONLY)), Map.of()));
        assertThat(ingress(state, IpFamily.IPV4))
                .containsExactly(
                        "-m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                        "-m conntrack --ctstate INVALID -j DROP",
                        "-p udp -m udp --sport 67 --dport 68 -j ACCEPT",
                        "-j DROP");
    }

    @Test
    void tcpRuleWithCidrIsRenderedAsIptablesSavePrintsIt() {
        HostDesiredState state = HostCompiler.compile(singleNicHost(
                List.of(group(
                        "g",
                        EgressDefault.EXPLICIT_RULES_ONLY,
                        SecurityGroupRule.ports(
                                Direction.INGRESS,
                                IpFamily.IPV4,
                                Protocol.TCP,
                                new PortRange(22, 23),
                                RemoteSide.cidr("10.1.2.3/8")),
                        SecurityGroupRule.ports(
                                Direction.EGRESS,
                                IpFamily.IPV4,
                                Protocol.UDP,
                                PortRange.single(53),
                                RemoteSide.cidr("192.0.2.9/32")))),
                Map.of()));
        assertThat(ingress(state, IpFamily.IPV4)).contains("-s 10.0.0.0/8 -p tcp -m tcp --dport 22:23 -j ACCEPT");
        assertThat(egress(state, IpFamily.IPV4)).contains("-d 192.0.2.9/32 -p udp -m udp --dport 53 -j ACCEPT");
    }

    @Test
    void icmpTypeAndCodeAreRenderedForBothFamilies() {
        HostDesiredState state = HostCompiler.compile(singleNicHost(
                List.of(group(
                        "g",
                        EgressDefault.EXPLICIT_RULES_ONLY,
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(8, 0), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(3, -1), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV4, new IcmpMatch(-1, -1), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS,
                                IpFamily.IPV6,
                                new IcmpMatch(128, 0),
                                RemoteSide.cidr("2001:DB8:0::/48")),
                        SecurityGroupRule.icmp(
                                Direction.INGRESS, IpFamily.IPV6, new IcmpMatch(1, -1), RemoteSide.cidr("::/0")))),
                Map.of()));
        assertThat(ingress(state, IpFamily.IPV4))
                .contains(
                        "-p icmp -m icmp --icmp-type 8/0 -j ACCEPT",
                        "-p icmp -m icmp --icmp-type 3 -j ACCEPT",
                        "-p icmp -j ACCEPT");
        assertThat(ingress(state, IpFamily.IPV6))
                .contains(
                        "-s 2001:db8::/48 -p ipv6-icmp -m icmp6 --icmpv6-type 128/0 -j ACCEPT",
                        "-p ipv6-icmp -m icmp6 --icmpv6-type 1 -j ACCEPT");
        assertThat(ingress(state, IpFamily.IPV4)).noneMatch(rule -> rule.contains("icmp6"));
    }

    @Test
    void protocolNumbersAndAllAreRendered() {
        HostDesiredState state = HostCompiler.compile(singleNicHost(
                List.of(group(
                        "g",
                        EgressDefault.EXPLICIT_RULES_ONLY,
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV4, new Protocol(47), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV4, new Protocol(250), RemoteSide.cidr("0.0.0.0/0")),
                        SecurityGroupRule.of(
                                Direction.INGRESS, IpFamily.IPV6, Protocol.ALL, RemoteSide.cidr("fd00::/8")))),
                Map.of()));
        assertThat(ingress(state, IpFamily.IPV4)).contains("-p gre -j ACCEPT", "-p 250 -j ACCEPT");
        assertThat(ingress(state, IpFamily.IPV6)).contains("-s fd00::/8 -j ACCEPT");
    }

    @Test
    void cloudStackGroupAllowsAllEgressUntilItsFirstEgressRule() {
        SecurityGroup empty = group("cs", EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE);
        HostDesiredState open = HostCompiler.compile(singleNicHost(List.of(empty), Map.of()));
        assertThat(egress(open, IpFamily.IPV4)).contains("-j ACCEPT");
        assertThat(egress(open, IpFamily.IPV6)).contains("-j ACCEPT");

        SecurityGroup restricted = group(
                "cs",
                EgressDefault.ALLOW_ALL_UNTIL_FIRST_EGRESS_RULE,
                SecurityGroupRule.ports(
                        Direction.EGRESS,
                        IpFamily.IPV4,
                        Protocol.TCP,
                        PortRange.single(80),
                        RemoteSide.cidr("0.0.0.0/0")));
        HostDesiredState closed = HostCompiler.compile(singleNicHost(List.of(restricted), Map.of()));
        assertThat(egress(closed, IpFamily.IPV4))
                .contains("-p tcp -m tcp --dport 80 -j ACCEPT")
                .doesNotContain("-j ACCEPT");
        assertThat(egress(closed, IpFamily.IPV6)).doesNotContain("-j ACCEPT").endsWith("-j DROP");
    }

    @Test
    void ec2GroupAllowsOnlyItsExplicitEgressRules() {
        HostDesiredState bare =
                HostCompiler.compile(singleNicHost(List.of(group("ec2", EgressDefault.EXPLICIT_RULES_ONLY)), Map.of()));
        assertThat(egress(bare, IpFamily.IPV4)).doesNotContain("-j ACCEPT");

        HostDesiredState withDefault = HostCompiler.compile(singleNicHost(
                List.of(group(
                        "ec2",
                        EgressDefault.EXPLICIT_RULES_ONLY,
                        SecurityGroupRule.allowAll(Direction.EGRESS, IpFamily.IPV4))),
                Map.of()));
        assertThat(egress(withDefault, IpFamily.IPV4)).contains("-j ACCEPT");
        assertThat(egress(withDefault, IpFamily.IPV6)).doesNotContain("-j ACCEPT");
    }

    @Test
    void nicPolicyIsTheUnionOfItsGroupsWithoutDuplicates() {
        SecurityGroupRule ssh = SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, PortRange.single(22), RemoteSide.cidr("0.0.0.0/0"));
        SecurityGroupRule web = SecurityGroupRule.ports(
                Direction.INGRESS, IpFamily.IPV4, Protocol.TCP, PortRange.single(80), RemoteSide.cidr("0.0.0.0/0"));
        HostDesiredState state = HostCompiler.compile(singleNicHost(
                List.of(
                        group("a", EgressDefault.EXPLICIT_RULES_ONLY, ssh),
                        group("b", EgressDefault.EXPLICIT_RULES_ONLY, ssh, web)),
                Map.of()));
        assertThat(ingress(state, IpFamily.IPV4))
                .containsOnlyOnce("-p tcp -m tcp --dport 22 -j ACCEPT")
                .contains("-p tcp -m tcp --dport 80 -j ACCEPT");
    }

    @Test
    void groupsPerNicQuotaIsEnforcedUpToSixteen() {
        List<SecurityGroup> six = IntStream.range(0, 6)
                .mapToObj(i -> group("g" + i, EgressDefault.EXPLICIT_RULES_ONLY))
                .toList();
        assertThatThrownBy(() -> singleNicHost(six, Map.of()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("has 6 security groups; the limit is 5");

        List<SecurityGroup> sixteen = IntStream.range(0, 16)
                .mapToObj(i -> group("g" + i, EgressDefault.EXPLICIT_RULES_ONLY))
                .toList();
        HostModel base = singleNicHost(List.of(), Map.of());
        LocalNic nic = nic(
                NIC,
                "net",
                "fa:16:3e:00:00:01",
                sixteen.stream().map(SecurityGroup::groupId).toList(),
                "10.0.0.5");
        HostModel atMaximum = new HostModel(
                "h", base.tunnelEndpoint(), base.bridge(), List.of(nic), base.networks(), sixteen, Map.of(), 16);
        assertThat(HostCompiler.compile(atMaximum).entries()).isNotEmpty();
        assertThatThrownBy(() -> new HostModel(
                        "h",
                        base.tunnelEndpoint(),
                        base.bridge(),
                        List.of(nic),
                        base.networks(),
                        sixteen,
                        Map.of(),
                        17))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("outside 1-16");
    }

    @Test
    void antiSpoofingAllowsOnlyOwnAddressesPairsAndDhcpDiscover() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        List<String> spoof = chain(state, IpFamily.IPV4, WeftNames.spoofChain("n2"));
        assertThat(spoof)
                .containsExactly(
                        "-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -m mac --mac-source fa:16:3e:00:00:02 -j RETURN",
                        "-s 10.0.0.12/32 -m mac --mac-source fa:16:3e:00:00:02 -j RETURN",
                        "-s 10.0.0.100/32 -m mac --mac-source fa:16:3e:00:00:02 -j RETURN",
                        "-s 10.9.0.0/16 -m mac --mac-source fa:16:3e:00:00:99 -j RETURN",
                        "-j DROP");
        assertThat(chain(state, IpFamily.IPV4, WeftNames.egressChain("n2")).get(0))
                .isEqualTo("-j " + WeftNames.spoofChain("n2"));
        List<String> spoof6 = chain(state, IpFamily.IPV6, WeftNames.spoofChain("n1"));
        assertThat(spoof6)
                .contains(
                        "-s ::/128 -p ipv6-icmp -m icmp6 --icmpv6-type 135 -m mac --mac-source fa:16:3e:00:00:01 -j RETURN",
                        "-s 2001:db8:a::11/128 -m mac --mac-source fa:16:3e:00:00:01 -j RETURN",
                        "-s fe80::f816:3eff:fe00:1/128 -m mac --mac-source fa:16:3e:00:00:01 -j RETURN");
    }

    @Test
    void arpIsCheckedInOpenFlowBecauseIptablesNeverSeesIt() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        String port = WeftNames.ovsVeth("n1");
        assertThat(state.flows())
                .anySatisfy(flow -> assertThat(flow.match())
                        .isEqualTo("arp,in_port=" + port
                                + ",dl_src=fa:16:3e:00:00:01,arp_spa=10.0.0.11,arp_sha=fa:16:3e:00:00:01"))
                .anySatisfy(flow -> assertThat(flow.match()).contains("arp_spa=0.0.0.0"))
                .anySatisfy(flow -> {
                    assertThat(flow.match()).isEqualTo("arp,in_port=" + port);
                    assertThat(flow.actions()).isEqualTo("drop");
                });
    }

    @Test
    void ipv6NeighbourAdvertisementsAreLimitedToOwnedTargets() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        String port = WeftNames.ovsVeth("n1");
        assertThat(state.flows())
                .filteredOn(flow -> flow.match().startsWith("icmp6,in_port=" + port))
                .extracting(flow -> flow.priority() + " " + flow.match())
                .containsExactlyInAnyOrder(
                        "110 icmp6,in_port=" + port
                                + ",dl_src=fa:16:3e:00:00:01,icmp_type=136,nd_target=2001:db8:a::11",
                        "110 icmp6,in_port=" + port
                                + ",dl_src=fa:16:3e:00:00:01,icmp_type=136,nd_target=fe80::f816:3eff:fe00:1",
                        "105 icmp6,in_port=" + port + ",icmp_type=136");
    }

    @Test
    void portSecurityOffAcceptsEverythingAndHasNoChainsOrSourceChecks() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        assertThat(chain(state, IpFamily.IPV4, WeftNames.TOP_CHAIN))
                .contains(
                        "-m physdev --physdev-out tapn3 --physdev-is-bridged -j ACCEPT",
                        "-m physdev --physdev-in tapn3 --physdev-is-bridged -j ACCEPT");
        assertThat(state.entries()).doesNotContainKey(ChainEntry.keyOf("ipv4", WeftNames.ingressChain("n3")));
        assertThat(state.flows())
                .filteredOn(flow -> flow.match().contains("in_port=" + WeftNames.ovsVeth("n3")))
                .singleElement()
                .satisfies(flow -> assertThat(flow.match()).isEqualTo("in_port=" + WeftNames.ovsVeth("n3")));
    }

    @Test
    void jumpsMatchTheNicsTapThroughPhysdev() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        assertThat(chain(state, IpFamily.IPV6, WeftNames.TOP_CHAIN))
                .contains(
                        "-m physdev --physdev-out tapn1 --physdev-is-bridged -j " + WeftNames.ingressChain("n1"),
                        "-m physdev --physdev-in tapn1 --physdev-is-bridged -j " + WeftNames.egressChain("n1"));
    }

    @Test
    void referencedGroupHasOneSetPerFamilySharedByAllLocalNics() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        String webSet = WeftNames.groupSet(Fixtures.WEB, IpFamily.IPV4);
        assertThat(state.ipSets())
                .extracting(IpSetEntry::name)
                .containsExactlyInAnyOrder(
                        webSet,
                        WeftNames.groupSet(Fixtures.WEB, IpFamily.IPV6),
                        WeftNames.groupSet(Fixtures.DB, IpFamily.IPV4));
        assertThat(state.entries().get(IpSetEntry.keyOf(webSet))).isEqualTo(new IpSetEntry(webSet, "hash:net", "inet"));
        assertThat(state.members(webSet)).containsExactly("10.0.0.11", "10.0.0.12", "10.0.0.21");
        String dbSet = WeftNames.groupSet(Fixtures.DB, IpFamily.IPV4);
        // n1 (web) and n2 (web + db) both match on the db set: one set, two references.
        assertThat(chain(state, IpFamily.IPV4, WeftNames.ingressChain("n1"))).anyMatch(rule -> rule.contains(dbSet));
        assertThat(chain(state, IpFamily.IPV4, WeftNames.ingressChain("n2"))).anyMatch(rule -> rule.contains(dbSet));
        assertThat(state.members(WeftNames.groupSet(Fixtures.WEB, IpFamily.IPV6)))
                .containsExactly("2001:db8:a::11");
    }

    @Test
    void membershipChangeTouchesOnlyMemberEntries() {
        HostModel before = Fixtures.host();
        Map<String, List<IpAddress>> members = new HashMap<>(before.groupMembers());
        members.put(Fixtures.DB, ips("10.0.0.12", "10.0.0.23", "10.0.0.24"));
        HostModel after = new HostModel(
                before.hostId(),
                before.tunnelEndpoint(),
                before.bridge(),
                before.nics(),
                before.networks(),
                before.groups(),
                members);
        List<Operation> operations = StateDiff.diff(HostCompiler.compile(before), HostCompiler.compile(after));
        assertThat(operations)
                .allSatisfy(operation -> assertThat(operation.key()).startsWith("ipset/weft-g4-"));
        assertThat(operations).extracting(Operation::key).hasSize(3);

        // The same change computed from the group alone, without recompiling the host.
        String dbSet = GroupSets.setName(Fixtures.DB, IpFamily.IPV4);
        HostDesiredState compiled = HostCompiler.compile(before);
        String prefix = IpSetEntry.memberKeyPrefix(dbSet);
        List<Operation> delta = StateDiff.diff(
                compiled.entries().subMap(prefix, prefix + Character.MAX_VALUE),
                GroupSets.memberEntries(Fixtures.DB, IpFamily.IPV4, members.get(Fixtures.DB)));
        assertThat(delta).isEqualTo(operations);
        assertThat(delta.get(0)).isEqualTo(new Operation.Upsert(new IpSetMemberEntry(dbSet, "10.0.0.23")));
    }

    @Test
    void compilationIgnoresTheOrderOfTheModelsLists() {
        HostModel model = Fixtures.host();
        List<LocalNic> nics = new ArrayList<>(model.nics());
        Collections.reverse(nics);
        List<SecurityGroup> groups = new ArrayList<>(model.groups());
        Collections.reverse(groups);
        List<NetworkView> networks = new ArrayList<>(model.networks());
        Collections.reverse(networks);
        HostModel reordered = new HostModel(
                model.hostId(), model.tunnelEndpoint(), model.bridge(), nics, networks, groups, model.groupMembers());
        assertThat(HostCompiler.compile(reordered)).isEqualTo(HostCompiler.compile(model));
        assertThat(HostCompiler.compile(reordered).hash())
                .isEqualTo(HostCompiler.compile(model).hash());
    }

    @Test
    void namesAreStableAndWithinKernelLimits() {
        assertThat(WeftNames.ingressChain("3f1c9a2e-0000-4000-8000-000000000001"))
                .isEqualTo(WeftNames.ingressChain("3f1c9a2e-0000-4000-8000-000000000001"))
                .hasSizeLessThanOrEqualTo(28);
        assertThat(WeftNames.temporarySet(WeftNames.groupSet("g", IpFamily.IPV6)))
                .startsWith("weft-t6-")
                .hasSizeLessThanOrEqualTo(31);
        assertThat(WeftNames.ovsVeth("n")).hasSize(15);
    }

    @Test
    void nameCollisionWithinAHostFailsLoudly() {
        NameRegistry registry = new NameRegistry();
        registry.claim("weft-i-000000000000", 28, "NIC a");
        registry.claim("weft-i-000000000000", 28, "NIC a");
        assertThatThrownBy(() -> registry.claim("weft-i-000000000000", 28, "NIC b"))
                .isInstanceOf(NameCollisionException.class)
                .hasMessageContaining("NIC a and NIC b");
    }

    @Test
    void vlanNetworkNeedsAnUplinkAndIsTaggedOnIt() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        assertThat(state.uplinks()).singleElement().satisfies(uplink -> assertThat(uplink.name())
                .isEqualTo("eth9"));
        assertThat(state.flows())
                .anySatisfy(flow -> assertThat(flow.match()).isEqualTo("in_port=eth9,dl_vlan=42"))
                .anySatisfy(flow ->
                        assertThat(flow.actions()).endsWith("push_vlan:0x8100,set_field:4138->vlan_vid,output:eth9"));

        LocalNic onVlan = nic("v", "vl", "fa:16:3e:00:00:05", List.of(), "10.0.0.5");
        assertThatThrownBy(() -> new HostModel(
                        "h",
                        ip("192.0.2.1"),
                        BridgeSettings.defaults(),
                        List.of(onVlan),
                        List.of(new NetworkView("vl", new Segment(SegmentType.VLAN, 5), List.of(), List.of())),
                        List.of(),
                        Map.of()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("no VLAN uplink");
    }

    @Test
    void broadcastGoesOnlyToLocalPortsOfTheNetworkAndItsHosts() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        String vxlanRegister = FlowCompiler.networkRegister(new Segment(SegmentType.VXLAN, 100));
        assertThat(state.flows())
                .filteredOn(flow -> flow.table() == 1
                        && flow.match()
                                .equals("metadata=" + vxlanRegister + ",dl_dst=01:00:00:00:00:00/01:00:00:00:00:00"))
                .singleElement()
                .satisfies(flow -> assertThat(flow.actions())
                        .isEqualTo("output:" + WeftNames.ovsVeth("n2") + ",output:" + WeftNames.ovsVeth("n1")
                                + ",set_field:0x64->tun_id,set_field:192.0.2.2->tun_dst,output:weft-vxlan"
                                + ",set_field:192.0.2.3->tun_dst,output:weft-vxlan"));
        assertThat(state.tunnels()).singleElement().satisfies(tunnel -> {
            assertThat(tunnel.type()).isEqualTo("vxlan");
            assertThat(tunnel.localIp()).isEqualTo("192.0.2.1");
        });
    }

    @Test
    void knownRemoteMacIsSentToItsHostThroughTheTunnelPort() {
        HostDesiredState state = HostCompiler.compile(Fixtures.host());
        assertThat(state.flows())
                .anySatisfy(flow -> {
                    assertThat(flow.match()).endsWith("dl_dst=fa:16:3e:00:01:02");
                    assertThat(flow.actions())
                            .isEqualTo("set_field:0x64->tun_id,set_field:192.0.2.3->tun_dst,output:weft-vxlan");
                })
                .anySatisfy(flow -> assertThat(flow.match()).isEqualTo("tun_id=0x64,in_port=weft-vxlan"))
                .anySatisfy(flow ->
                        assertThat(flow.match()).startsWith("arp,metadata=").endsWith("arp_tpa=10.0.0.21,arp_op=1"));
    }

    @Test
    void portSecurityOffWithGroupsIsRejected() {
        assertThatThrownBy(() -> new LocalNic(
                        "x",
                        "net",
                        MacAddress.parse("fa:16:3e:00:00:01"),
                        List.of(),
                        List.of(),
                        false,
                        List.of("g"),
                        "tapx"))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("port security off");
    }
}
