package io.weft.agent.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weft.rules.diff.Operation;
import io.weft.rules.diff.Phase;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.IpSetEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseWritersTest {
    private static final Phase FIRST = Phase.values()[0];
    private static final Phase LAST = Phase.values()[Phase.values().length - 1];

    @Test
    void writersRunInTheOrderOfPhaseNotTheOrderTheyWereBound() {
        List<Phase> ran = new ArrayList<>();
        PhaseWriters.Builder<List<Phase>> builder = PhaseWriters.builder();
        List<Phase> backwards = new ArrayList<>(Arrays.asList(Phase.values()));
        java.util.Collections.reverse(backwards);
        for (Phase phase : backwards) {
            builder.bind((operations, log) -> log.add(phase), phase);
        }

        builder.build().run(List.of(), ran);

        assertThat(ran).containsExactly(Phase.values());
    }

    @Test
    void aWriterOfSeveralPhasesRunsOnceWithTheOperationsOfAllOfThem() {
        Operation createSet = new Operation.Upsert(new IpSetEntry("weft-g4-a", "hash:net", "inet"));
        Operation writeFlow = new Operation.Upsert(new FlowEntry(0, 0, "", "drop"));
        Operation destroySet = new Operation.Remove(new IpSetEntry("weft-g4-b", "hash:net", "inet"));
        List<List<Operation>> calls = new ArrayList<>();
        PhaseWriters.Builder<List<List<Operation>>> builder = PhaseWriters.builder();
        builder.bind((operations, log) -> log.add(operations), Phase.CREATE_SETS, Phase.ADD_MEMBERS);
        for (Phase phase : Phase.values()) {
            if (phase != Phase.CREATE_SETS && phase != Phase.ADD_MEMBERS) {
                builder.bind((operations, log) -> {}, phase);
            }
        }

        builder.build().run(List.of(createSet, writeFlow, destroySet), calls);

        assertThat(calls).containsExactly(List.of(createSet));
    }

    @Test
    void aPhaseWithoutAWriterStopsTheDriverFromStarting() {
        PhaseWriters.Builder<Object> builder = PhaseWriters.builder();
        for (Phase phase : Phase.values()) {
            if (phase != LAST) {
                builder.bind((operations, context) -> {}, phase);
            }
        }
        assertThatThrownBy(builder::build).hasMessageContaining("no writer for [" + LAST + "]");
    }

    @Test
    void oneWriterForPhasesThatAreNotAdjacentIsRefused() {
        assertThatThrownBy(() -> PhaseWriters.builder().bind((operations, context) -> {}, FIRST, LAST))
                .hasMessageContaining("not adjacent");
    }

    @Test
    void twoWritersForOnePhaseAreRefused() {
        PhaseWriters.Builder<Object> builder = PhaseWriters.builder().bind((operations, context) -> {}, FIRST);
        assertThatThrownBy(() -> builder.bind((operations, context) -> {}, FIRST))
                .hasMessageContaining("two writers for " + FIRST);
    }
}
