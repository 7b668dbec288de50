package io.weft.server.network;

/**
 * Quotas of the network services. Defaults follow EC2: 5 groups per NIC (at most 16, which the
 * dataplane's per-NIC chains are sized for), 60 rules per group and direction.
 *
 * @param groupsPerNic security groups one NIC may be in
 * @param rulesPerGroupPerDirection ingress (and, separately, egress) rules of one group; a rule
 *     naming a group counts as one
 * @param addressPairsPerNic allowed address pairs of one NIC
 * @param nicsPerVm NICs one VM may have
 */
public record NetworkLimits(int groupsPerNic, int rulesPerGroupPerDirection, int addressPairsPerNic, int nicsPerVm) {
    public static final int MAX_GROUPS_PER_NIC = 16;
    public static final NetworkLimits DEFAULTS = new NetworkLimits(5, 60, 10, 16);

    public NetworkLimits {
        check("groupsPerNic", groupsPerNic, MAX_GROUPS_PER_NIC);
        check("rulesPerGroupPerDirection", rulesPerGroupPerDirection, 1000);
        check("addressPairsPerNic", addressPairsPerNic, 100);
        check("nicsPerVm", nicsPerVm, 64);
    }

    private static void check(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", not " + value);
        }
    }

    public NetworkLimits withGroupsPerNic(int value) {
        return new NetworkLimits(value, rulesPerGroupPerDirection, addressPairsPerNic, nicsPerVm);
    }

    public NetworkLimits withRulesPerGroupPerDirection(int value) {
        return new NetworkLimits(groupsPerNic, value, addressPairsPerNic, nicsPerVm);
    }
}
