package io.weft.bench.model;

/**
 * The size of a generated fleet: {@code hosts} hypervisors with {@code nicsPerHost} NICs each, a
 * network per {@code hostsPerNetwork} consecutive hosts, and every NIC in one big group whose
 * members the NICs of the first {@code referencingHosts} hosts admit through a group rule.
 */
public record FleetShape(int hosts, int nicsPerHost, int hostsPerNetwork, int referencingHosts) {
    public FleetShape {
        if (hosts < 2 || nicsPerHost < 1 || hostsPerNetwork < 1 || referencingHosts < 1) {
            throw new IllegalArgumentException("a fleet needs 2+ hosts and positive sizes");
        }
        // The host that changes must not itself reference the group, so the change reaches the
        // referencing hosts only through the ipset, which is what is being measured.
        if (referencingHosts >= hosts) {
            throw new IllegalArgumentException("referencingHosts must be fewer than hosts");
        }
        if (hosts > 62_500 || nicsPerHost > 250) {
            throw new IllegalArgumentException("at most 62,500 hosts of 250 NICs fit the address plan");
        }
    }

    /** 1,000 hosts, 10 NICs each (10,000 NICs, all in one group), the group referenced on 100 hosts. */
    public static FleetShape acceptance() {
        return new FleetShape(1_000, 10, 10, 100);
    }

    public int nics() {
        return hosts * nicsPerHost;
    }
}
