package io.weft.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A state holding sets' members as shared {@link MemberBlock}s is the same state as one holding
 * them as entries: the same entries in the same order, size, hash, lookups and equality, through
 * any chain of changes, block swaps included; and {@link StateChange} between two such states is
 * the key-by-key difference of their entries.
 */
class MemberBlockStatePropertyTest {
    private static final List<String> SETS = List.of("weft-ga", "weft-gb");

    @Property(tries = 200)
    void aBlockStateIsTheStateOfItsEntries(
            @ForAll("memberSets") Set<String> first,
            @ForAll("memberSets") Set<String> second,
            @ForAll("memberSets") Set<String> changedFirst,
            @ForAll("memberSets") Set<String> added,
            @ForAll("memberSets") Set<String> removed) {
        HostDesiredState blocks = blockState(first, second);
        HostDesiredState plain = plainState(first, second);
        assertSame(blocks, plain);

        // The server's path: one new block swapped in, shared by whoever holds it.
        MemberBlock swapped = MemberBlock.of("weft-ga", changedFirst);
        HostDesiredState afterSwap = blocks.withMemberBlocks(List.of(swapped));
        assertSame(afterSwap, plainState(changedFirst, second));
        assertThat(afterSwap.memberBlocks().get("weft-ga")).isSameAs(swapped);
        assertThat(StateChange.between(blocks, afterSwap))
                .isEqualTo(byEntries(plain, plainState(changedFirst, second)));
        assertThat(StateChange.between(plain, afterSwap)).isEqualTo(byEntries(plain, plainState(changedFirst, second)));
        assertThat(StateChange.between(afterSwap, afterSwap).isEmpty()).isTrue();

        // The generic path: member keys and own entries changed through withChanges.
        Set<String> removedOnly = new TreeSet<>(removed);
        removedOnly.removeAll(added);
        Map<String, DesiredEntry> upserts = new TreeMap<>();
        List<String> deletes = new ArrayList<>();
        for (String member : added) {
            IpSetMemberEntry entry = new IpSetMemberEntry("weft-gb", member);
            upserts.put(entry.key(), entry);
        }
        for (String member : removedOnly) {
            deletes.add(new IpSetMemberEntry("weft-gb", member).key());
        }
        BridgeEntry bridge = new BridgeEntry("br-int", "system");
        upserts.put(bridge.key(), bridge);
        Set<String> expectedSecond = new TreeSet<>(second);
        expectedSecond.addAll(added);
        expectedSecond.removeAll(removedOnly);
        TreeMap<String, DesiredEntry> expected =
                new TreeMap<>(plainState(first, expectedSecond).entries());
        expected.put(bridge.key(), bridge);
        HostDesiredState changed = blocks.withChanges(upserts, deletes);
        assertSame(changed, HostDesiredState.fromEntries(expected));
        assertThat(changed.memberBlocks().get("weft-ga"))
                .isSameAs(blocks.memberBlocks().get("weft-ga"));
    }

    @Property(tries = 200)
    void aPatchedBlockIsTheBlockOfItsMembers(
            @ForAll("memberSets") Set<String> members,
            @ForAll("memberSets") Set<String> added,
            @ForAll("memberSets") Set<String> removed) {
        Set<String> removedOnly = new TreeSet<>(removed);
        removedOnly.removeAll(added);
        MemberBlock patched = MemberBlock.of("weft-ga", members).with(added, removedOnly);
        Set<String> expected = new TreeSet<>(members);
        expected.addAll(added);
        expected.removeAll(removedOnly);
        MemberBlock whole = MemberBlock.of("weft-ga", expected);
        assertThat(patched).isEqualTo(whole);
        assertThat(patched.digest()).isEqualTo(whole.digest());
        assertThat(patched.members()).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<Set<String>> memberSets() {
        return Arbitraries.integers()
                .between(0, 40)
                .map(i -> i % 7 == 0 ? "10.0." + i + ".0/24" : "10.0.0." + i)
                .set()
                .ofMaxSize(25);
    }

    private static void assertSame(HostDesiredState state, HostDesiredState plain) {
        assertThat(state.entries()).containsExactlyEntriesOf(plain.entries());
        List<DesiredEntry> visited = new ArrayList<>();
        state.forEachEntry(visited::add);
        assertThat(visited).containsExactlyElementsOf(plain.entries().values());
        assertThat(state.size()).isEqualTo(plain.size());
        assertThat(state.hash()).isEqualTo(plain.hash());
        assertThat(state).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain).isEqualTo(state);
        for (String key : plain.entries().keySet()) {
            assertThat(state.entry(key)).isEqualTo(plain.entry(key));
        }
        for (String set : SETS) {
            assertThat(state.members(set)).isEqualTo(plain.members(set));
            assertThat(state.entry(IpSetEntry.memberKeyPrefix(set) + "10.9.9.9"))
                    .isEmpty();
        }
    }

    private static StateChange byEntries(HostDesiredState before, HostDesiredState after) {
        return StateChange.between(
                HostDesiredState.fromEntries(before.entries()), HostDesiredState.fromEntries(after.entries()));
    }

    private static SortedMap<String, DesiredEntry> ownEntries() {
        TreeMap<String, DesiredEntry> own = new TreeMap<>();
        for (DesiredEntry entry : List.of(
                new IpSetEntry("weft-ga", "hash:net", "inet"),
                new IpSetEntry("weft-gb", "hash:net", "inet"),
                new IpSetEntry("weft-gc", "hash:net", "inet"),
                new IpSetMemberEntry("weft-gc", "10.1.1.1"),
                new ChainEntry("4", "weft-FORWARD", List.of("-j ACCEPT")),
                new UplinkEntry("eth1"))) {
            own.put(entry.key(), entry);
        }
        return own;
    }

    private static HostDesiredState blockState(Set<String> first, Set<String> second) {
        return HostDesiredState.withBlocks(
                ownEntries(), List.of(MemberBlock.of("weft-ga", first), MemberBlock.of("weft-gb", second)));
    }

    private static HostDesiredState plainState(Set<String> first, Set<String> second) {
        TreeMap<String, DesiredEntry> entries = new TreeMap<>(ownEntries());
        for (String member : first) {
            IpSetMemberEntry entry = new IpSetMemberEntry("weft-ga", member);
            entries.put(entry.key(), entry);
        }
        for (String member : second) {
            IpSetMemberEntry entry = new IpSetMemberEntry("weft-gb", member);
            entries.put(entry.key(), entry);
        }
        return HostDesiredState.fromEntries(entries);
    }
}
