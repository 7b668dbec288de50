package io.weft.bench.model;

/**
 * The size of a generated host. Groups are drawn from a pool so that NICs share some groups and
 * differ in others, as in a real tenant; every rule is distinct, so a NIC's chain holds the full
 * union of its groups' rules.
 */
public record LargeHostShape(
        int nics,
        int groupsPerNic,
        int rulesPerGroup,
        int groupPool,
        int referencedGroups,
        int membersPerReferencedGroup,
        int networks,
        int remoteHostsPerNetwork,
        int remoteNicsPerNetwork) {
    public LargeHostShape {
        requirePositive(nics, "nics");
        requirePositive(groupsPerNic, "groupsPerNic");
        requirePositive(rulesPerGroup, "rulesPerGroup");
        requirePositive(referencedGroups, "referencedGroups");
        requirePositive(membersPerReferencedGroup, "membersPerReferencedGroup");
        requirePositive(networks, "networks");
        requirePositive(remoteHostsPerNetwork, "remoteHostsPerNetwork");
        if (groupPool < groupsPerNic) {
            throw new IllegalArgumentException(
                    "a pool of " + groupPool + " groups cannot give " + groupsPerNic + " distinct groups to a NIC");
        }
        if (remoteNicsPerNetwork < 0) {
            throw new IllegalArgumentException("remoteNicsPerNetwork is negative");
        }
        // The generator packs ports, addresses and MAC bytes from these numbers; keep them in range.
        boolean fitsAddressPlan = nics <= 10_000
                && groupPool <= 300
                && rulesPerGroup <= 99
                && referencedGroups <= 200
                && membersPerReferencedGroup < 65_535
                && networks <= 200
                && remoteHostsPerNetwork <= 250
                && remoteNicsPerNetwork < 65_535;
        if (!fitsAddressPlan) {
            throw new IllegalArgumentException("shape too large for the generator's address plan (at most 10,000 NICs,"
                    + " 300 pooled groups, 99 rules per group, 200 referenced groups of < 65,535 members,"
                    + " 200 networks, 250 remote hosts and < 65,535 remote NICs per network)");
        }
    }

    /**
     * Issue 3's acceptance host: 200 NICs, 5 groups each, 50 rules per group, referenced groups of
     * 10,000 members. The other numbers are ours: 20 groups in the pool, 4 referenced groups, and 10
     * VXLAN networks each seen with 20 remote hosts and 100 remote NICs.
     */
    public static LargeHostShape acceptance() {
        return new LargeHostShape(200, 5, 50, 20, 4, 10_000, 10, 20, 100);
    }

    /** A host small enough for unit tests of the generator itself. */
    public static LargeHostShape small() {
        return new LargeHostShape(6, 3, 20, 5, 2, 50, 2, 3, 4);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
