package io.weft.bench.scenario;

import java.util.Locale;

/**
 * The size of a generated cloud. Every NIC is a member of the big group ({@link
 * Scenario#BIG_GROUP}), as every VM of a large tenant is in its default group; the NICs of the first
 * {@code bigGroupReferencingHosts} hosts are also in {@link Scenario#FRONT_GROUP}, whose first rule
 * admits the big group's members, so those hosts hold the big group's whole member set. The other
 * groups are drawn at random, {@code groupsPerNic - 1} per NIC, and one rule in {@code
 * referencingRuleOneIn} of theirs admits another such group.
 */
public record ScenarioShape(
        String name,
        int hosts,
        int nicsPerHost,
        int hostsPerNetwork,
        int groups,
        int rulesPerGroup,
        int groupsPerNic,
        int referencingRuleOneIn,
        int bigGroupReferencingHosts) {

    public ScenarioShape {
        if (hosts < 2 || nicsPerHost < 1 || hostsPerNetwork < 1 || rulesPerGroup < 1 || referencingRuleOneIn < 1) {
            throw new IllegalArgumentException("a scenario needs 2+ hosts and positive sizes");
        }
        if (groupsPerNic < 2 || groups < groupsPerNic + 1) {
            throw new IllegalArgumentException(
                    "a NIC is in the big group and at least one more; groups must exceed groupsPerNic");
        }
        if (bigGroupReferencingHosts < 1 || bigGroupReferencingHosts >= hosts) {
            throw new IllegalArgumentException("the big group is referenced on 1 to hosts - 1 hosts");
        }
        // Address plan: a /24 per network (NICs from .2), underlay 100.64.0.0/10.
        if (hostsPerNetwork * nicsPerHost > 250 || hosts > 250 * 250 || hosts / hostsPerNetwork > 65_000) {
            throw new IllegalArgumentException("the address plan holds 250 NICs per network and 62,500 hosts");
        }
    }

    /** 100 hosts, 1,000 NICs: the smoke size CI runs. */
    public static ScenarioShape small() {
        return new ScenarioShape("S", 100, 10, 10, 200, 10, 3, 5, 10);
    }

    /** 1,000 hosts, 10,000 NICs. */
    public static ScenarioShape medium() {
        return new ScenarioShape("M", 1_000, 10, 10, 2_000, 10, 3, 5, 100);
    }

    /** 10,000 hosts, 100,000 NICs, 20,000 groups; the 100,000-member group referenced on 1,000 hosts. */
    public static ScenarioShape large() {
        return new ScenarioShape("L", 10_000, 10, 10, 20_000, 10, 3, 5, 1_000);
    }

    /** The preset named S, M or L (any case). */
    public static ScenarioShape named(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "S" -> small();
            case "M" -> medium();
            case "L" -> large();
            default -> throw new IllegalArgumentException("unknown scenario size '" + name + "' (S, M or L)");
        };
    }

    public int nics() {
        return hosts * nicsPerHost;
    }

    public int networks() {
        return (hosts + hostsPerNetwork - 1) / hostsPerNetwork;
    }
}
