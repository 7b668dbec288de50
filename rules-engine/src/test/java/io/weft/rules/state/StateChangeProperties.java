package io.weft.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link HostDesiredState#withChanges} is a shortcut: however long the chain of changes (through
 * overlays, merges and flattenings) each state must be the one {@code fromEntries} builds from the
 * changed map, with the same hash, size and lookups. And the hash never depends on order.
 */
class StateChangeProperties {
    /** A small key space, so that puts replace, deletes hit and entries come back. */
    private static final int KEYS = 120;

    @Property(tries = 200)
    void everyStateInAChainOfChangesEqualsTheStateBuiltWhole(
            @ForAll("starts") Map<String, DesiredEntry> start, @ForAll("changeLists") List<Change> changes) {
        TreeMap<String, DesiredEntry> expected = new TreeMap<>(start);
        HostDesiredState state = HostDesiredState.fromEntries(start);
        for (Change change : changes) {
            change.deletes().forEach(expected::remove);
            expected.putAll(change.upserts());
            if (change.readEntriesFirst()) {
                state.entries(); // merges the overlay: the next change starts from a plain map
            }
            state = state.withChanges(change.upserts(), change.deletes());

            HostDesiredState whole = HostDesiredState.fromEntries(expected);
            assertThat(state.hash()).isEqualTo(whole.hash());
            assertThat(state.size()).isEqualTo(expected.size());
            for (String key : change.deletes()) {
                assertThat(state.entry(key)).isEmpty();
            }
            for (Map.Entry<String, DesiredEntry> upsert : change.upserts().entrySet()) {
                assertThat(state.entry(upsert.getKey())).contains(upsert.getValue());
            }
            assertThat(state).isEqualTo(whole).hasSameHashCodeAs(whole);
            assertThat(state.entries()).containsExactlyEntriesOf(expected);
        }
    }

    @Property(tries = 100)
    void hashIgnoresTheOrderEntriesArriveIn(@ForAll("starts") Map<String, DesiredEntry> start, @ForAll long seed) {
        List<DesiredEntry> shuffled = new ArrayList<>(start.values());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(HostDesiredState.of(shuffled).hash())
                .isEqualTo(HostDesiredState.fromEntries(start).hash())
                .hasSize(64);
    }

    @Property(tries = 100)
    void removingEveryEntryOneByOneReturnsToTheEmptyHash(
            @ForAll("starts") Map<String, DesiredEntry> start, @ForAll @IntRange(min = 1, max = 7) int step) {
        HostDesiredState state = HostDesiredState.fromEntries(start);
        List<String> keys = new ArrayList<>(start.keySet());
        for (int i = 0; i < keys.size(); i += step) {
            state = state.withChanges(Map.of(), keys.subList(i, Math.min(keys.size(), i + step)));
        }
        assertThat(state.hash()).isEqualTo(HostDesiredState.empty().hash());
        assertThat(state).isEqualTo(HostDesiredState.empty());
    }

    /** One step: entries to put and keys to delete, disjoint; optionally read the whole map first. */
    record Change(Map<String, DesiredEntry> upserts, Set<String> deletes, boolean readEntriesFirst) {}

    @Provide
    Arbitrary<Map<String, DesiredEntry>> starts() {
        return entry().list().ofMaxSize(300).map(entries -> {
            Map<String, DesiredEntry> byKey = new TreeMap<>();
            entries.forEach(e -> byKey.put(e.key(), e));
            return byKey;
        });
    }

    @Provide
    Arbitrary<List<Change>> changeLists() {
        Arbitrary<Change> change = Combinators.combine(
                        entry().list().ofMaxSize(12),
                        Arbitraries.integers().between(0, KEYS).list().ofMaxSize(12),
                        Arbitraries.of(true, false, false, false))
                .as((puts, deleted, read) -> {
                    Map<String, DesiredEntry> upserts = new TreeMap<>();
                    puts.forEach(e -> upserts.put(e.key(), e));
                    Set<String> deletes = new TreeSet<>();
                    for (int n : deleted) {
                        for (DesiredEntry candidate : candidates(n)) {
                            if (!upserts.containsKey(candidate.key())) {
                                deletes.add(candidate.key());
                            }
                        }
                    }
                    return new Change(upserts, deletes, read);
                });
        return change.list().ofMaxSize(60);
    }

    /** Members, chains with varying rules (same key, other content) and flows. */
    private static Arbitrary<DesiredEntry> entry() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, KEYS),
                        Arbitraries.integers().between(0, 2))
                .as((n, variant) -> candidates(n).get(variant));
    }

    private static List<DesiredEntry> candidates(int n) {
        return List.of(
                new IpSetMemberEntry("weft-g4-" + (n % 3), "10.0." + (n % 7) + "." + n),
                new ChainEntry("ipv4", "weft-i-" + n, List.of("-j ACCEPT", "rule " + (n % 4))),
                new ChainEntry("ipv4", "weft-i-" + n, List.of("-j DROP")));
    }
}
