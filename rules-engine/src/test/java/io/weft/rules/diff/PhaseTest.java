package io.weft.rules.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import io.weft.rules.state.UplinkEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseTest {
    /** One entry of every kind, so that a kind added to DesiredEntry without a phase fails here. */
    private static final List<DesiredEntry> ONE_OF_EACH_KIND = List.of(
            new IpSetEntry("weft-g4-db", "hash:ip", "inet"),
            new IpSetMemberEntry("weft-g4-db", "10.0.0.12"),
            new BridgeEntry("br-int", "system"),
            new NicPortEntry("nic-a", "tapa", "weft-b-a", "weft-v-a", "weft-o-a"),
            new TunnelEntry("vxlan", "weft-vxlan", "192.0.2.1"),
            new UplinkEntry("eth1"),
            new ChainEntry("ipv4", "weft-i-a", List.of("-j ACCEPT")),
            new FlowEntry(0, 100, "in_port=1", "drop"));

    @Test
    void everyOperationIsSortedInAPhaseThatActsOnIt() {
        assertThat(DesiredEntry.class.getPermittedSubclasses())
                .containsExactlyInAnyOrderElementsOf(
                        ONE_OF_EACH_KIND.stream().map(Object::getClass).toList());
        for (Operation operation : everyOperation()) {
            assertThat(operation.phase().actsOn(operation))
                    .as("%s is sorted in %s", operation, operation.phase())
                    .isTrue();
        }
    }

    @Test
    void everyPhaseActsOnSomeOperation() {
        List<Operation> operations = everyOperation();
        for (Phase phase : Phase.values()) {
            assertThat(phase.select(operations)).as("%s", phase).isNotEmpty();
        }
    }

    @Test
    void aPhaseActsEitherOnCreationsOrOnRemovals() {
        for (Phase phase : Phase.values()) {
            List<Operation> selected = phase.select(everyOperation());
            assertThat(selected.stream().map(Object::getClass).distinct())
                    .as("%s", phase)
                    .hasSize(1);
        }
    }

    @Test
    void nicPlumbingIsDoneAroundTheOvsPortAndEndpointsResolvedBeforeTheFlows() {
        Operation plug = new Operation.Upsert(ONE_OF_EACH_KIND.get(3));
        Operation unplug = new Operation.Remove(ONE_OF_EACH_KIND.get(3));
        Operation flow = new Operation.Upsert(ONE_OF_EACH_KIND.get(7));
        assertThat(phasesActingOn(plug)).containsExactly(Phase.PLUG_NICS, Phase.CREATE_PORTS);
        assertThat(phasesActingOn(unplug)).containsExactly(Phase.DELETE_PORTS, Phase.UNPLUG_NICS);
        assertThat(phasesActingOn(flow)).containsExactly(Phase.RESOLVE_TUNNEL_ENDPOINTS, Phase.WRITE_FLOWS);
        assertThat(plug.phase()).isEqualTo(Phase.CREATE_PORTS);
        assertThat(unplug.phase()).isEqualTo(Phase.DELETE_PORTS);
        assertThat(flow.phase()).isEqualTo(Phase.WRITE_FLOWS);
    }

    private static List<Phase> phasesActingOn(Operation operation) {
        return Arrays.stream(Phase.values())
                .filter(phase -> phase.actsOn(operation))
                .toList();
    }

    private static List<Operation> everyOperation() {
        List<Operation> operations = new ArrayList<>();
        for (DesiredEntry entry : ONE_OF_EACH_KIND) {
            operations.add(new Operation.Upsert(entry));
            operations.add(new Operation.Remove(entry));
        }
        return operations;
    }
}
