package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import io.weft.rules.diff.Operation;
import io.weft.rules.diff.Phase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool writers of an apply, each bound to the phases it writes, run in the order {@link Phase}
 * declares: walking the phases, a writer runs when its first phase comes up, with the operations of
 * all its phases in their order.
 *
 * <p>A writer bound to several phases writes them in one invocation: one process instead of
 * several, and one atomic transaction where the tool has them (an OVSDB transaction, an
 * iptables-restore COMMIT, an OpenFlow bundle). So its phases must follow each other in {@link
 * Phase}, or writing them together would pull a phase ahead of those between; and every phase needs
 * a writer, or its operations would be dropped. {@link Builder#build} checks both, so that adding or
 * moving a phase either moves the agent's order with it or stops the agent from starting.
 *
 * @param <C> what one apply's writers share (the desired state, the read-back, what they report)
 */
final class PhaseWriters<C> {
    /** Writes its phases' operations; called even when there are none, as a writer may have work regardless. */
    @FunctionalInterface
    interface Writer<C> {
        void write(List<Operation> operations, C context);
    }

    private record Binding<C>(Set<Phase> phases, Writer<C> writer) {
        Binding {
            requireNonNull(phases, "phases is null");
            requireNonNull(writer, "writer is null");
        }

        Phase first() {
            return phases.iterator().next();
        }

        boolean actsOn(Operation operation) {
            for (Phase phase : phases) {
                if (phase.actsOn(operation)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Map<Phase, Binding<C>> bindings;

    private PhaseWriters(Map<Phase, Binding<C>> bindings) {
        this.bindings = bindings;
    }

    static <C> Builder<C> builder() {
        return new Builder<>();
    }

    /** Runs every writer once, in the order of {@link Phase}. */
    void run(List<Operation> operations, C context) {
        for (Phase phase : Phase.values()) {
            Binding<C> binding = bindings.get(phase);
            if (binding.first() == phase) {
                binding.writer()
                        .write(operations.stream().filter(binding::actsOn).toList(), context);
            }
        }
    }

    static final class Builder<C> {
        private final Map<Phase, Binding<C>> bindings = new EnumMap<>(Phase.class);

        private Builder() {}

        /** Binds {@code writer} to {@code phases}, which must be adjacent in {@link Phase}. */
        Builder<C> bind(Writer<C> writer, Phase first, Phase... more) {
            Binding<C> binding = new Binding<>(EnumSet.of(first, more), writer);
            int expected = binding.first().ordinal();
            for (Phase phase : binding.phases()) {
                if (phase.ordinal() != expected++) {
                    throw new IllegalStateException("one writer for " + binding.phases()
                            + ", which are not adjacent in Phase: writing them together would reorder them");
                }
                if (bindings.putIfAbsent(phase, binding) != null) {
                    throw new IllegalStateException("two writers for " + phase);
                }
            }
            return this;
        }

        PhaseWriters<C> build() {
            Set<Phase> unbound = EnumSet.allOf(Phase.class);
            unbound.removeAll(bindings.keySet());
            if (!unbound.isEmpty()) {
                throw new IllegalStateException("no writer for " + unbound);
            }
            return new PhaseWriters<>(new EnumMap<>(bindings));
        }
    }
}
