package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.IpAddress;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hosts one fleet change reaches, in two kinds, because they cost differently:
 *
 * <ul>
 *   <li>{@code recompile}: hosts whose own NICs, networks, tunnel peers or group rules changed; only
 *       a fresh compile knows what they must hold now;
 *   <li>{@code referencing}: hosts whose rules name a group whose members changed. They hold the
 *       group's addresses in an ipset and nothing else of the change, so unless they also need a
 *       recompile, patching those sets' members is all they need.
 * </ul>
 *
 * <p>{@code memberAddresses} says, per group, which addresses may have joined or left it: the
 * changed NIC's addresses before and after, where they differ. Whether each address is still a
 * member (another NIC may hold it too) is asked of the fleet when the batch is planned. Like the
 * host sets, it may be a superset: a patch that changes nothing sends nothing.
 */
public record FleetReach(
        SortedSet<String> recompile,
        SortedSet<String> referencing,
        SortedMap<String, SortedSet<IpAddress>> memberAddresses) {
    public FleetReach {
        recompile = unmodifiableCopy(requireNonNull(recompile, "recompile is null"));
        referencing = unmodifiableCopy(requireNonNull(referencing, "referencing is null"));
        SortedMap<String, SortedSet<IpAddress>> copy = new TreeMap<>();
        requireNonNull(memberAddresses, "memberAddresses is null")
                .forEach((group, addresses) -> copy.put(group, unmodifiableCopy(addresses)));
        memberAddresses = Collections.unmodifiableSortedMap(copy);
    }

    /** A change that reached no host. */
    static final FleetReach NONE = new FleetReach(new TreeSet<>(), new TreeSet<>(), new TreeMap<>());

    /** Every host reached: the hosts whose desired state may have changed. */
    public SortedSet<String> hosts() {
        SortedSet<String> hosts = new TreeSet<>(recompile);
        hosts.addAll(referencing);
        return hosts;
    }

    private static <T> SortedSet<T> unmodifiableCopy(Collection<T> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** Gathers a reach as a change is applied; also merges the reaches of a batch. */
    static final class Builder {
        private final SortedSet<String> recompile = new TreeSet<>();
        private final SortedSet<String> referencing = new TreeSet<>();
        private final SortedMap<String, SortedSet<IpAddress>> memberAddresses = new TreeMap<>();

        Builder recompile(Collection<String> hosts) {
            recompile.addAll(hosts);
            return this;
        }

        Builder referencing(Collection<String> hosts) {
            referencing.addAll(hosts);
            return this;
        }

        Builder memberAddresses(String groupId, Collection<IpAddress> addresses) {
            if (!addresses.isEmpty()) {
                memberAddresses.computeIfAbsent(groupId, g -> new TreeSet<>()).addAll(addresses);
            }
            return this;
        }

        Builder add(FleetReach reach) {
            recompile(reach.recompile());
            referencing(reach.referencing());
            reach.memberAddresses().forEach(this::memberAddresses);
            return this;
        }

        FleetReach build() {
            return new FleetReach(recompile, referencing, memberAddresses);
        }
    }
}
