package io.weft.rules.render;

import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.Operation;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Input for {@code ipset -exist restore}. Sets are created and filled before the iptables rules
 * that match on them are written ({@link #renderAdditions}) and emptied or destroyed after those
 * rules are gone ({@link #renderRemovals}); a whole set is rebuilt by filling a temporary set and
 * swapping it in, so a set is never seen half full ({@link #renderSwap}).
 */
public final class IpsetRestoreRenderer {
    /** Hash sets allocate per entry, so a high ceiling costs nothing until used. */
    public static final int MAX_ELEMENTS = 1_048_576;

    private IpsetRestoreRenderer() {}

    /** {@code create} for new sets and {@code add} for new members; run before the iptables restore. */
    public static String renderAdditions(List<Operation> operations) {
        StringBuilder script = new StringBuilder();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert) {
                if (upsert.entry() instanceof IpSetEntry set) {
                    create(script, set.name(), set);
                } else if (upsert.entry() instanceof IpSetMemberEntry member) {
                    script.append("add ")
                            .append(member.set())
                            .append(' ')
                            .append(member.member())
                            .append('\n');
                }
            }
        }
        return script.toString();
    }

    /**
     * {@code del} for members that left and {@code destroy} for sets no longer referenced; run after
     * the iptables restore. Members of a destroyed set are not deleted one by one.
     */
    public static String renderRemovals(List<Operation> operations) {
        Set<String> destroyed = new HashSet<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Remove remove && remove.previous() instanceof IpSetEntry set) {
                destroyed.add(set.name());
            }
        }
        StringBuilder script = new StringBuilder();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Remove remove) {
                if (remove.previous() instanceof IpSetMemberEntry member && !destroyed.contains(member.set())) {
                    script.append("del ")
                            .append(member.set())
                            .append(' ')
                            .append(member.member())
                            .append('\n');
                } else if (remove.previous() instanceof IpSetEntry set) {
                    script.append("destroy ").append(set.name()).append('\n');
                }
            }
        }
        return script.toString();
    }

    /**
     * Rebuilds every set of {@code desired}: create (or reuse) the set, fill a flushed temporary
     * twin, swap the two and destroy the twin. Needs {@code -exist} so existing sets are reused.
     */
    public static String renderSwap(HostDesiredState desired) {
        StringBuilder script = new StringBuilder();
        for (IpSetEntry set : desired.ipSets()) {
            String temporary = WeftNames.temporarySet(set.name());
            create(script, set.name(), set);
            create(script, temporary, set);
            script.append("flush ").append(temporary).append('\n');
            for (String member : desired.members(set.name())) {
                script.append("add ")
                        .append(temporary)
                        .append(' ')
                        .append(member)
                        .append('\n');
            }
            script.append("swap ")
                    .append(temporary)
                    .append(' ')
                    .append(set.name())
                    .append('\n');
            script.append("destroy ").append(temporary).append('\n');
        }
        return script.toString();
    }

    private static void create(StringBuilder script, String name, IpSetEntry set) {
        script.append("create ")
                .append(name)
                .append(' ')
                .append(set.type())
                .append(" family ")
                .append(set.family())
                .append(" hashsize 1024 maxelem ")
                .append(MAX_ELEMENTS)
                .append('\n');
    }
}
