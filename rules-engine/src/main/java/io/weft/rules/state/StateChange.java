package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What turns one state into another, per key: the entries to put (new or different) and the
 * entries to remove, each in key order. Computed by a merge walk over the states' own entries and,
 * for sets both hold as blocks, over the blocks: the same block object on both sides is skipped at
 * once, so a thousand hosts sharing a 100,000-member set pay nothing for it. Equal to a walk over
 * {@link HostDesiredState#entries()} of both, whichever way each state holds its members.
 */
public record StateChange(SortedMap<String, DesiredEntry> upserts, SortedMap<String, DesiredEntry> removals) {
    public StateChange {
        upserts = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(upserts, "upserts is null")));
        removals = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(removals, "removals is null")));
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && removals.isEmpty();
    }

    public static StateChange between(HostDesiredState before, HostDesiredState after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        TreeMap<String, DesiredEntry> upserts = new TreeMap<>();
        TreeMap<String, DesiredEntry> removals = new TreeMap<>();
        if (!comparableBlocks(before, after)) {
            walk(before.entries(), after.entries(), upserts, removals);
            return new StateChange(upserts, removals);
        }
        walk(before.ownEntries(), after.ownEntries(), upserts, removals);
        Set<String> sets = new TreeSet<>(before.memberBlocks().keySet());
        sets.addAll(after.memberBlocks().keySet());
        for (String set : sets) {
            MemberBlock left = before.memberBlocks().getOrDefault(set, MemberBlock.of(set, Set.of()));
            MemberBlock right = after.memberBlocks().getOrDefault(set, MemberBlock.of(set, Set.of()));
            MemberBlock.Changes changes = MemberBlock.changes(left, right);
            for (String member : changes.added()) {
                IpSetMemberEntry entry = new IpSetMemberEntry(set, member);
                upserts.put(entry.key(), entry);
            }
            for (String member : changes.removed()) {
                IpSetMemberEntry entry = new IpSetMemberEntry(set, member);
                removals.put(entry.key(), entry);
            }
        }
        return new StateChange(upserts, removals);
    }

    /**
     * Whether the parts can be compared apart: a set held as a block on one side only must have no
     * member entries of its own on the other (its members there are then none).
     */
    private static boolean comparableBlocks(HostDesiredState before, HostDesiredState after) {
        return noOwnMembers(before, after.memberBlocks().keySet())
                && noOwnMembers(after, before.memberBlocks().keySet());
    }

    private static boolean noOwnMembers(HostDesiredState state, Set<String> sets) {
        for (String set : sets) {
            if (!state.memberBlocks().containsKey(set)) {
                String prefix = IpSetEntry.memberKeyPrefix(set);
                if (!state.ownEntries()
                        .subMap(prefix, prefix + Character.MAX_VALUE)
                        .isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void walk(
            SortedMap<String, DesiredEntry> before,
            SortedMap<String, DesiredEntry> after,
            Map<String, DesiredEntry> upserts,
            Map<String, DesiredEntry> removals) {
        Iterator<Map.Entry<String, DesiredEntry>> left = before.entrySet().iterator();
        Iterator<Map.Entry<String, DesiredEntry>> right = after.entrySet().iterator();
        Map.Entry<String, DesiredEntry> a = next(left);
        Map.Entry<String, DesiredEntry> b = next(right);
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : a.getKey().compareTo(b.getKey());
            if (order < 0) {
                removals.put(a.getKey(), a.getValue());
                a = next(left);
            } else if (order > 0) {
                upserts.put(b.getKey(), b.getValue());
                b = next(right);
            } else {
                if (!a.getValue().equals(b.getValue())) {
                    upserts.put(b.getKey(), b.getValue());
                }
                a = next(left);
                b = next(right);
            }
        }
    }

    private static <T> T next(Iterator<T> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }
}
