package io.weft.rules.diff;

import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.StateChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Desired vs actual, per key: the minimal operations (one per differing key) in apply order.
 * Both maps are sorted by key, so the diff is one merge walk, linear in the two sizes.
 */
public final class StateDiff {
    private static final Comparator<Operation> APPLY_ORDER =
            Comparator.comparing(Operation::phase).thenComparing(Operation::key);

    private StateDiff() {}

    /** What to do to {@code actual} to make it {@code desired}; empty when they are equal. */
    public static List<Operation> diff(HostDesiredState actual, HostDesiredState desired) {
        StateChange change = StateChange.between(actual, desired);
        List<Operation> operations = new ArrayList<>();
        change.removals().values().forEach(entry -> operations.add(new Operation.Remove(entry)));
        change.upserts().values().forEach(entry -> operations.add(new Operation.Upsert(entry)));
        operations.sort(APPLY_ORDER);
        return List.copyOf(operations);
    }

    /**
     * The same over two sorted key ranges, e.g. the members of one set before and after a
     * membership change, without touching the rest of the state.
     */
    public static List<Operation> diff(
            SortedMap<String, ? extends DesiredEntry> actual, SortedMap<String, ? extends DesiredEntry> desired) {
        List<Operation> operations = new ArrayList<>();
        Iterator<? extends Map.Entry<String, ? extends DesiredEntry>> left =
                actual.entrySet().iterator();
        Iterator<? extends Map.Entry<String, ? extends DesiredEntry>> right =
                desired.entrySet().iterator();
        Map.Entry<String, ? extends DesiredEntry> a = next(left);
        Map.Entry<String, ? extends DesiredEntry> b = next(right);
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : a.getKey().compareTo(b.getKey());
            if (order < 0) {
                operations.add(new Operation.Remove(a.getValue()));
                a = next(left);
            } else if (order > 0) {
                operations.add(new Operation.Upsert(b.getValue()));
                b = next(right);
            } else {
                if (!a.getValue().equals(b.getValue())) {
                    operations.add(new Operation.Upsert(b.getValue()));
                }
                a = next(left);
                b = next(right);
            }
        }
        operations.sort(APPLY_ORDER);
        return List.copyOf(operations);
    }

    /** The model of applying {@code operations}: what a host holds afterwards, computed purely. */
    public static HostDesiredState apply(List<Operation> operations, HostDesiredState state) {
        TreeMap<String, DesiredEntry> entries = new TreeMap<>(state.entries());
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert) {
                entries.put(upsert.key(), upsert.entry());
            } else {
                entries.remove(operation.key());
            }
        }
        return new HostDesiredState(entries);
    }

    private static <T> T next(Iterator<T> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }
}
