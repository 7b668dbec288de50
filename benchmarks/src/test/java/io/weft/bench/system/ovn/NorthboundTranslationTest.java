package io.weft.bench.system.ovn;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioGenerator;
import io.weft.bench.scenario.ScenarioShape;
import io.weft.bench.system.ovn.NorthboundContent.Acl;
import io.weft.bench.system.ovn.NorthboundContent.LogicalSwitch;
import io.weft.bench.system.ovn.NorthboundContent.PortGroup;
import io.weft.bench.system.ovn.NorthboundContent.SwitchPort;
import java.util.List;
import org.junit.jupiter.api.Test;

class NorthboundTranslationTest {

    private final NorthboundContent content = NorthboundTranslation.of(TinyScenarios.twoHosts());

    @Test
    void aNetworkIsALogicalSwitchHoldingItsNicsPortsWithMacAndIp() {
        assertThat(content.switches())
                .containsExactly(
                        new LogicalSwitch(
                                "net-00000", List.of(new SwitchPort("nic-vm-000000", "02:00:00:00:00:01", "10.0.0.2"))),
                        new LogicalSwitch(
                                "net-00001",
                                List.of(new SwitchPort("nic-vm-000001", "02:00:00:00:01:01", "10.0.1.2"))));
        assertThat(content.switches().get(0).ports().get(0).address()).isEqualTo("02:00:00:00:00:01 10.0.0.2");
    }

    @Test
    void aSecurityGroupIsAPortGroupOfItsNicsWithAnAllowRelatedAclPerRule() {
        assertThat(content.portGroups())
                .containsExactly(
                        new PortGroup(
                                "pg_tenant_default",
                                List.of("nic-vm-000000", "nic-vm-000001"),
                                List.of(new Acl(
                                        "to-lport", 1002, "outport == @pg_tenant_default && ip4", "allow-related"))),
                        new PortGroup(
                                "pg_front",
                                List.of("nic-vm-000000"),
                                List.of(new Acl(
                                        "to-lport",
                                        1002,
                                        "outport == @pg_front && ip4 && ip4.src == $pg_tenant_default_ip4 && tcp && tcp.dst == 8080",
                                        "allow-related"))),
                        new PortGroup(
                                "pg_sg_00002",
                                List.of("nic-vm-000001"),
                                List.of(
                                        new Acl(
                                                "from-lport",
                                                1002,
                                                "inport == @pg_sg_00002 && ip4 && ip4.dst == 172.16.3.0/24 && udp && udp.dst >= 10000 && udp.dst <= 10009",
                                                "allow-related"),
                                        new Acl(
                                                "to-lport",
                                                1002,
                                                "outport == @pg_sg_00002 && ip4 && ip4.src == 192.0.2.1/32 && icmp4 && icmp4.type == 8 && icmp4.code == 0",
                                                "allow-related"),
                                        new Acl(
                                                "from-lport",
                                                1002,
                                                "inport == @pg_sg_00002 && ip4 && ip4.dst == $pg_front_ip4 && tcp && tcp.dst == 443",
                                                "allow-related"))),
                        new PortGroup(
                                "pg_default_drop",
                                List.of("nic-vm-000000", "nic-vm-000001"),
                                List.of(
                                        new Acl("to-lport", 1001, "outport == @pg_default_drop && ip", "drop"),
                                        new Acl("from-lport", 1001, "inport == @pg_default_drop && ip", "drop"))));
    }

    @Test
    void aGeneratedScenarioGivesAPortPerNicAnAclPerRuleAndTheBigGroupHoldsEveryPort() {
        Scenario scenario = ScenarioGenerator.generate(ScenarioShape.small(), 1);

        NorthboundContent small = NorthboundTranslation.of(scenario);

        assertThat(small.switches()).hasSize(10);
        assertThat(small.portCount()).isEqualTo(1_000);
        assertThat(small.portGroups()).hasSize(201);
        assertThat(small.aclCount()).isEqualTo(200 * 10 + 2);
        assertThat(small.portGroups().get(Scenario.BIG_GROUP).ports()).hasSize(1_000);
        assertThat(small.portGroups().get(Scenario.FRONT_GROUP).ports()).hasSize(10 * 10);
        assertThat(small.portGroups().get(Scenario.FRONT_GROUP).acls().get(0).match())
                .contains("ip4.src == $pg_tenant_default_ip4");
    }
}
