package io.weft.rules.compile;

import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.MemberBlock;
import java.util.Collection;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ipsets of referenced groups. A set's name depends only on the group and family, and its
 * members only on the group's addresses, so a membership change is computed here alone, without
 * recompiling the host, and changes nothing but {@code ipset/<name>/<member>} entries.
 */
public final class GroupSets {
    /** hash:net takes both single addresses and prefixes, which allowed address pairs may be. */
    public static final String SET_TYPE = "hash:net";

    private GroupSets() {}

    /** The set's definition; its members travel in a {@link MemberBlock} (see {@link #block}). */
    static IpSetEntry definition(String setName, IpFamily family) {
        return new IpSetEntry(setName, SET_TYPE, family.ipsetFamily());
    }

    /** The members of {@code family} among {@code members}, as one block of the named set. */
    public static MemberBlock block(String setName, IpFamily family, Collection<IpAddress> members) {
        return MemberBlock.of(setName, canonicalMembers(family, members));
    }

    /** An address as a set member: the form {@code ipset save} prints (host routes without a prefix). */
    public static String member(IpAddress address) {
        return Cidr.host(address).toIpsetMember();
    }

    /**
     * The member entries a referenced group's set of {@code family} must hold, keyed as in
     * {@link io.weft.rules.state.HostDesiredState#entries()}; replace every key under
     * {@link IpSetEntry#memberKeyPrefix} of the set with these to apply a membership change.
     */
    public static SortedMap<String, IpSetMemberEntry> memberEntries(
            String groupId, IpFamily family, Collection<IpAddress> members) {
        String setName = WeftNames.groupSet(groupId, family);
        SortedMap<String, IpSetMemberEntry> entries = new TreeMap<>();
        for (String member : canonicalMembers(family, members)) {
            IpSetMemberEntry entry = new IpSetMemberEntry(setName, member);
            entries.put(entry.key(), entry);
        }
        return entries;
    }

    public static String setName(String groupId, IpFamily family) {
        return WeftNames.groupSet(groupId, family);
    }

    private static SortedSet<String> canonicalMembers(IpFamily family, Collection<IpAddress> members) {
        SortedSet<String> canonical = new TreeSet<>();
        for (IpAddress member : members) {
            if (member.family() == family) {
                canonical.add(member(member));
            }
        }
        return canonical;
    }
}
